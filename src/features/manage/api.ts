/** The staff web's calls to the server: same-origin JSON; the browser adds the session cookie and Origin. */
import { signal } from '../../shared/signal';

export type Role = 'admin' | 'organiser' | 'finance' | 'analyst';
export const ROLES: Role[] = ['admin', 'organiser', 'finance', 'analyst'];
export interface Me {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** undefined: not known yet; null: not signed in */
export const me = signal<Me | null | undefined>(undefined);

export async function api<T>(method: string, url: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check the connection and try again.');
  }
  const json = await res.json().catch(() => ({}));
  if (res.status === 401 && !url.startsWith('/api/staff/login')) me.value = null;
  if (!res.ok) throw new ApiError(res.status, json.message ?? `The server answered ${res.status}.`);
  return json as T;
}

/** The message to show for a failed call. */
export const problemOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Fetches a file and hands it to the browser as a download; a refusal comes back as the server's message
 * (a plain link would show a JSON error page or save it as the file).
 */
export async function download(url: string, name: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'The server cannot be reached. Check the connection and try again.');
  }
  if (res.status === 401) me.value = null;
  if (!res.ok) {
    const json = await res.json().catch(() => ({}));
    throw new ApiError(res.status, json.message ?? `The server answered ${res.status}.`);
  }
  const given = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  const href = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = href;
  a.download = given ?? name;
  a.click();
  // the click has started the download; the URL is no longer needed once it has been read
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

export async function loadMe(): Promise<void> {
  try {
    me.value = (await api<{ user: Me }>('GET', '/api/staff/me')).user;
  } catch {
    me.value = null;
  }
}

export const hasRole = (...roles: Role[]) => !!me.value?.roles.some((r) => roles.includes(r));

export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export async function uploadMedia(file: Blob, name: string): Promise<string> {
  const type = file.type === 'audio/x-wav' ? 'audio/wav' : file.type.split(';')[0];
  const res = await api<{ url: string }>('POST', '/api/staff/media', { name, type, dataBase64: await fileToBase64(file) });
  return res.url;
}
