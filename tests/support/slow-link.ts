/**
 * A fetch over a slow link: a request takes `ms(url, init)` to arrive, then `answer` answers it. Given up on
 * (its signal aborts, e.g. its time limit runs out) before then, it never reaches `answer` and rejects with the
 * signal's reason, as the browser's fetch does.
 */
export function slowLink(ms: (url: string, init: RequestInit) => number, answer: typeof fetch): typeof fetch {
  return ((url: string, init: RequestInit = {}) =>
    new Promise<Response>((resolve, reject) => {
      const arrived = setTimeout(() => resolve(answer(url, init)), ms(url, init));
      init.signal?.addEventListener('abort', () => {
        clearTimeout(arrived);
        reject(init.signal?.reason);
      });
    })) as unknown as typeof fetch;
}
