/**
 * The device-local key for drafts (DESIGN.md, sync protocol point 2): AES-256-GCM, generated on the device
 * as NON-extractable, kept in IndexedDB as a CryptoKey (structured clone keeps it unexportable). Script on
 * the page can use it but never read its bytes, and it never leaves the device.
 */
import { getMeta, setMeta } from '../db/meta';
import { fromBase64, toBase64, utf8 } from '../shared/bytes';

const META_KEY = 'draftKey';
let cached: Promise<CryptoKey> | null = null;

export function deviceKey(): Promise<CryptoKey> {
  cached ??= (async () => {
    const have = await getMeta<CryptoKey>(META_KEY);
    if (have) return have;
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    await setMeta(META_KEY, key);
    return key;
  })().catch((e) => {
    cached = null;
    throw e;
  });
  return cached;
}

const aad = (id: string) => utf8(`blether/draft/v1|${id}`);

// A draft holds voice clips and receipt photos as bytes: JSON carries them as base64.
const toJson = (_: string, v: unknown) => (v instanceof Uint8Array ? { $bytes: toBase64(v) } : v);
const fromJson = (_: string, v: unknown) =>
  v && typeof v === 'object' && typeof (v as { $bytes?: unknown }).$bytes === 'string' ? fromBase64((v as { $bytes: string }).$bytes) : v;

export async function sealDraft(id: string, value: unknown): Promise<{ iv: ArrayBuffer; ct: ArrayBuffer }> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad(id) },
    await deviceKey(),
    utf8(JSON.stringify(value, toJson)),
  );
  return { iv: iv.buffer, ct };
}

export async function openDraft<T>(id: string, sealed: { iv: ArrayBuffer; ct: ArrayBuffer }): Promise<T> {
  const pt = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: aad(id) }, await deviceKey(), sealed.ct);
  return JSON.parse(new TextDecoder().decode(pt), fromJson) as T;
}

/** For tests: forget the cached key handle. */
export function resetDeviceKey(): void {
  cached = null;
}
