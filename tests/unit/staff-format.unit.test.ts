/** Staff pages write moments with the month in words and the zone named, so 01/12 is never read as January. */
import { describe, expect, it } from 'vitest';
import { when } from '../../src/features/manage/ui';
import { ukDateTime } from '../../src/shared/payment-runs';

describe('staff dates', () => {
  it('name the month and the zone, in UTC on most pages and in UK time for finance', () => {
    expect(when('2026-01-12T06:11:33.000Z')).toBe('12 Jan 2026, 06:11:33 UTC');
    expect(when(null)).toBe('never');
    // London is on summer time in July: the zone says so
    expect(ukDateTime('2026-07-01T23:30:00.000Z')).toBe('2 Jul 2026, 00:30 BST');
    expect(ukDateTime('2026-12-01T06:15:00.000Z')).toBe('1 Dec 2026, 06:15 GMT');
  });
});
