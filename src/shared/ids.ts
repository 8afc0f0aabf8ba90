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

export function uuid(): string {
  return crypto.randomUUID();
}
