// This module is in the first load: keep it small, and import() what the first screen does not need.
/**
 * Signals: a value that tells whoever read it when it changes. The app uses only `signal`, `effect` and
 * `subscribe` (the page's components re-render through src/app/signals.ts), so this is those, in the
 * shape of @preact/signals-core's, at a fifth of its size in the first load. No batching: an effect runs
 * again at each change of what it read (a component only queues a render).
 */
let reading: Set<Signal<unknown>> | null = null;

export class Signal<T> {
  #value: T;
  #watchers = new Set<() => void>();

  constructor(value: T) {
    this.#value = value;
  }

  get value(): T {
    reading?.add(this as Signal<unknown>);
    return this.#value;
  }

  set value(next: T) {
    if (Object.is(next, this.#value)) return;
    this.#value = next;
    for (const w of [...this.#watchers]) w();
  }

  /** the value, without making the running effect depend on it */
  peek(): T {
    return this.#value;
  }

  /** Calls `fn` with the value now and after each change; returns the function that stops it. */
  subscribe(fn: (value: T) => void): () => void {
    return effect(() => {
      const value = this.value;
      untracked(() => fn(value));
    });
  }

  watch(w: () => void): () => void {
    this.#watchers.add(w);
    return () => this.#watchers.delete(w);
  }
}

export function signal<T>(value: T): Signal<T> {
  return new Signal(value);
}

/** Runs `fn` with no effect depending on what it reads. */
export function untracked<T>(fn: () => T): T {
  const outer = reading;
  reading = null;
  try {
    return fn();
  } finally {
    reading = outer;
  }
}

/** Runs `fn` now and again whenever a signal it read changes; returns the function that stops it. */
export function effect(fn: () => void): () => void {
  let unwatch: (() => void)[] = [];
  let stopped = false;
  const release = () => {
    for (const u of unwatch) u();
    unwatch = [];
  };
  const run = () => {
    if (stopped) return;
    release();
    const outer = reading;
    const read = new Set<Signal<unknown>>();
    reading = read;
    let done = false;
    try {
      fn();
      done = true;
    } finally {
      reading = outer;
      // an effect that throws stops (as in @preact/signals-core): it never runs again behind its caller's back
      if (!done) stopped = true;
      else if (!stopped) unwatch = [...read].map((s) => s.watch(run));
    }
  };
  run();
  return () => {
    stopped = true;
    release();
  };
}
