import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { timeOrderedUuid } from '../../src/shared/ids';

describe('time-ordered bundle ids', () => {
  it('are UUIDs of version 7 that the sync protocol accepts, carrying their millisecond', () => {
    const at = Date.UTC(2026, 10, 30, 12, 0, 0, 123);
    const id = timeOrderedUuid(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(v.is(v.pipe(v.string(), v.uuid()), id)).toBe(true);
    expect(Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sort in the order they were made, within one millisecond and when the clock goes back', () => {
    const at = Date.UTC(2026, 10, 30, 12, 0, 1);
    const made = [
      ...Array.from({ length: 5000 }, () => timeOrderedUuid(at)),
      timeOrderedUuid(at - 5_000),
      ...Array.from({ length: 10 }, (_, i) => timeOrderedUuid(at + 10 + i)),
    ];
    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
  });
});
