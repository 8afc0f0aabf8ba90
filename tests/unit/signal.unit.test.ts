import { describe, expect, it } from 'vitest';
import { effect, signal, untracked } from '../../src/shared/signal';

describe('signals', () => {
  it('an effect runs at once and again when what it read changes, and not after it stops', () => {
    const a = signal(1);
    const seen: number[] = [];
    const stop = effect(() => void seen.push(a.value));
    a.value = 2;
    a.value = 2; // the same value is no change
    stop();
    a.value = 3;
    expect(seen).toEqual([1, 2]);
  });

  it('an effect depends on what its last run read, nothing else', () => {
    const which = signal<'a' | 'b'>('a');
    const a = signal('a1');
    const b = signal('b1');
    const seen: string[] = [];
    effect(() => void seen.push(which.value === 'a' ? a.value : b.value));
    b.value = 'b2'; // not read yet
    which.value = 'b';
    a.value = 'a2'; // no longer read
    b.value = 'b3';
    expect(seen).toEqual(['a1', 'b2', 'b3']);
  });

  it('subscribe calls with the value now and after each change; what the callback reads is not a dependency', () => {
    const n = signal(0);
    const other = signal('x');
    const seen: string[] = [];
    const stop = n.subscribe((v) => void seen.push(`${v}${other.value}`));
    n.value = 1;
    other.value = 'y';
    n.value = 2;
    stop();
    n.value = 3;
    expect(seen).toEqual(['0x', '1x', '2y']);
    expect(untracked(() => n.value)).toBe(3);
  });

  it('an effect that throws stops, and a write inside an effect does not loop', () => {
    const a = signal(0);
    let runs = 0;
    expect(() =>
      effect(() => {
        runs++;
        if (a.value === 0) throw new Error('no');
      }),
    ).toThrow('no');
    a.value = 1;
    expect(runs).toBe(1);
    const count = signal(0);
    effect(() => {
      count.value = count.value + 1;
    });
    expect(count.peek()).toBe(1);
  });
});
