/**
 * Applying an update holds the device's background network work (src/device/background.ts): what is under
 * way ends first, nothing new starts, so no request from the page wakes the old service worker while the
 * browser swaps it for the new one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { holdBackground, inBackground, releaseBackground } from '../../src/device/background';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

afterEach(() => releaseBackground());

describe('background work and the update hold', () => {
  it('runs work and gives its result while nothing is held', async () => {
    expect(await inBackground(async () => 'sent', 'held')).toBe('sent');
  });

  it('waits for every run under way, a failing one included, before the hold is in place', async () => {
    const sync = deferred<boolean>();
    const refresh = deferred<boolean>();
    const running = [inBackground(() => sync.promise, false), inBackground(() => refresh.promise, false)];
    let held = false;
    const hold = holdBackground().then(() => {
      held = true;
    });
    sync.resolve(true);
    await running[0];
    await Promise.resolve();
    expect(held).toBe(false);
    refresh.reject(new Error('offline'));
    await expect(running[1]).rejects.toThrow('offline');
    await hold;
    expect(held).toBe(true);
  });

  it('starts nothing while held, and starts again once released', async () => {
    await holdBackground();
    let started = 0;
    const work = async () => {
      started++;
      return true;
    };
    expect(await inBackground(work, false)).toBe(false);
    expect(started).toBe(0);
    releaseBackground();
    expect(await inBackground(work, false)).toBe(true);
    expect(started).toBe(1);
  });

  it('a run started by a run that was under way when the hold began is refused too', async () => {
    const first = deferred<void>();
    let followUp: Promise<string> | null = null;
    void inBackground(async () => {
      await first.promise;
      followUp = inBackground(async () => 'sent again', 'held');
    }, undefined);
    const hold = holdBackground();
    first.resolve();
    await hold;
    expect(await followUp).toBe('held');
  });
});
