/** The facilitator PIN is kept only as a salted PBKDF2 hash; cash amounts become integer pence. */
import { describe, expect, it } from 'vitest';
import { hashPin, pinMatches } from '../../src/device/pin';
import { parsePounds as parsePence } from '../../src/shared/money';

describe('facilitator PIN', () => {
  it('stores a salted hash that matches only the PIN', async () => {
    const a = await hashPin('2468', 1000);
    const b = await hashPin('2468', 1000);
    expect(JSON.stringify(a)).not.toContain('2468');
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await pinMatches('2468', a)).toBe(true);
    expect(await pinMatches('2469', a)).toBe(false);
    expect(await pinMatches('', a)).toBe(false);
  });
});

describe('cash in pence', () => {
  it.each([
    ['25.50', 2550],
    ['£10', 1000],
    ['0.5', 50],
    [' 3.07 ', 307],
    ['0', 0],
  ])('%s is %i pence', (input, pence) => {
    expect(parsePence(input)).toBe(pence);
  });
  it.each(['', 'lots', '-5', '1.234', '9999999'])('refuses %s', (input) => {
    expect(parsePence(input)).toBeNull();
  });
});
