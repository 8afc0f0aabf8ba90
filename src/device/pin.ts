/**
 * The facilitator PIN guards leaving participant mode. Only a salted PBKDF2-SHA256 hash is kept on the
 * device; the PIN itself is never stored.
 */
import { getMeta, setMeta } from '../db/meta';
import { fromBase64, toBase64 } from '../shared/bytes';

export interface PinHash {
  salt: string;
  iterations: number;
  hash: string;
}

const ITERATIONS = 210_000;
export const PIN_PATTERN = /^\d{4,8}$/;

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, 256);
  return toBase64(new Uint8Array(bits));
}

export async function hashPin(pin: string, iterations = ITERATIONS): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { salt: toBase64(salt), iterations, hash: await derive(pin, salt, iterations) };
}

export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const got = await derive(pin, fromBase64(stored.salt), stored.iterations);
  // equal length base64 strings; compare without early exit
  let diff = got.length ^ stored.hash.length;
  for (let i = 0; i < got.length; i++) diff |= got.charCodeAt(i) ^ stored.hash.charCodeAt(i);
  return diff === 0;
}

export async function setFacilitatorPin(pin: string): Promise<void> {
  await setMeta('facilitatorPin', await hashPin(pin));
}

/** True when the PIN is right, or when no PIN was ever set (a device enrolled before PINs existed). */
export async function checkFacilitatorPin(pin: string): Promise<boolean> {
  const stored = await getMeta<PinHash>('facilitatorPin');
  return stored ? pinMatches(pin, stored) : true;
}

/** After this many wrong PINs in a row, each further try waits, longer each time. */
export const FREE_TRIES = 5;
const MAX_WAIT_MS = 5 * 60_000;

interface Attempts {
  wrong: number;
  /** epoch ms before which no PIN is checked */
  until: number;
}

/** How long a facilitator must wait after `wrong` wrong PINs in a row: 0 for the first five, then 2 s doubling, at most 5 minutes. */
export function waitAfter(wrong: number): number {
  return wrong < FREE_TRIES ? 0 : Math.min(MAX_WAIT_MS, 2000 * 2 ** (wrong - FREE_TRIES));
}

export type PinVerdict = { ok: true } | { ok: false; waitMs: number };

/**
 * Checks the PIN, slowing down guesses: the count of wrong tries is kept on the device (a reload does not
 * reset it) and a try during the wait is not even checked.
 */
export async function tryFacilitatorPin(pin: string, now = Date.now()): Promise<PinVerdict> {
  const a = (await getMeta<Attempts>('pinAttempts')) ?? { wrong: 0, until: 0 };
  if (now < a.until) return { ok: false, waitMs: a.until - now };
  if (await checkFacilitatorPin(pin)) {
    await setMeta('pinAttempts', { wrong: 0, until: 0 });
    return { ok: true };
  }
  const wrong = a.wrong + 1;
  const waitMs = waitAfter(wrong);
  await setMeta('pinAttempts', { wrong, until: now + waitMs });
  return { ok: false, waitMs };
}
