/** Identifiers made on the device. */

/** Crockford base32 without I, L, O, U: easy to read aloud and to type. */
export const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A reference code like `7KQ2-M9XD`: 40 random bits, unambiguous characters. */
export function referenceCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  let s = '';
  for (let i = 0; i < 8; i++) s += REFERENCE_ALPHABET[(bytes[i] ?? 0) & 31];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** Normalises what a person typed: case, spaces, and the letters people confuse with digits. */
export function normaliseReferenceCode(input: string): string {
  const s = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[OQ]/g, (c) => (c === 'O' ? '0' : c))
    .replace(/[IL]/g, '1');
  return s.length === 8 ? `${s.slice(0, 4)}-${s.slice(4)}` : s;
}

let lastMs = 0;
let counter = 0;

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter that goes up within one
 * millisecond (so ids made one after another on this page sort in that order), then 62 random bits. The
 * outbox is keyed by bundle id, so its key order is the order bundles were finished: a sync reads a page
 * of the queue as one key range and forgets a sent batch as one range.
 */
export function timeOrderedUuid(now = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = crypto.getRandomValues(new Uint16Array(1))[0]! & 0x3ff;
  } else if (++counter > 0xfff) {
    // more than the counter holds in one millisecond (or the clock went back): borrow the next millisecond
    lastMs++;
    counter = 0;
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  for (let i = 0; i < 6; i++) b[i] = Math.floor(lastMs / 2 ** (8 * (5 - i))) & 0xff;
  b[6] = 0x70 | (counter >> 8);
  b[7] = counter & 0xff;
  b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
