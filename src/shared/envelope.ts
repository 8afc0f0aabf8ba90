/**
 * Envelope encryption of a finished bundle (DESIGN.md, sync protocol point 2).
 *
 * A fresh AES-256-GCM content key encrypts the bundle; the content key is wrapped (AES-KW) under a key
 * derived by ECDH P-256 + HKDF-SHA-256 from a fresh ephemeral key pair and the engagement version's
 * public key. The device throws the ephemeral private key and the content key away, so once sealed it
 * cannot read the bundle back. Additional data binds the bundle id and the engagement version, so a
 * ciphertext moved to another id or version fails to open.
 */
import { fromBase64, sha256Hex, toBase64, utf8 } from './bytes';

export const ENVELOPE_ALG = 'ECDH-ES+A256KW/A256GCM';

export interface Envelope {
  v: 1;
  alg: typeof ENVELOPE_ALG;
  /** ephemeral public key (JWK, P-256) */
  epk: { kty: 'EC'; crv: 'P-256'; x: string; y: string };
  /** wrapped content key, base64 */
  wk: string;
  /** IV of the bundle ciphertext, base64 (12 bytes) */
  iv: string;
  /** ciphertext with GCM tag, base64 */
  ct: string;
}

export interface Sealed {
  envelope: Envelope;
  /** the content key, still usable by the caller to encrypt attachments before it is dropped */
  contentKey: CryptoKey;
}

const EC = { name: 'ECDH', namedCurve: 'P-256' } as const;

export function bundleAad(bundleId: string, engagementVersionId: string): Uint8Array<ArrayBuffer> {
  return utf8(`blether/bundle/v1|${bundleId}|${engagementVersionId}`);
}

/** HKDF info of the key-encryption key: binds the wrapped content key to its engagement version. */
export function kekInfo(engagementVersionId: string): Uint8Array<ArrayBuffer> {
  return utf8(`blether/kek/v1|${engagementVersionId}`);
}

export function attachmentAad(bundleId: string, index: number): Uint8Array<ArrayBuffer> {
  return utf8(`blether/attachment/v1|${bundleId}|${index}`);
}

async function wrappingKey(
  privateKey: CryptoKey,
  publicKey: CryptoKey,
  engagementVersionId: string,
  usage: 'wrapKey' | 'unwrapKey',
): Promise<CryptoKey> {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const hkdfKey = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: kekInfo(engagementVersionId) },
    hkdfKey,
    { name: 'AES-KW', length: 256 },
    false,
    [usage],
  );
}

export async function generateEngagementKeyPair(): Promise<{ publicJwk: JsonWebKey; privateJwk: JsonWebKey }> {
  const pair = (await crypto.subtle.generateKey(EC, true, ['deriveBits'])) as CryptoKeyPair;
  const publicJwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const privateJwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  return { publicJwk, privateJwk };
}

export function importEngagementPublicKey(jwk: JsonWebKey): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', jwk, EC, false, []);
}

export function importEngagementPrivateKey(jwk: JsonWebKey): Promise<CryptoKey> {
  return crypto.subtle.importKey('jwk', jwk, EC, false, ['deriveBits']);
}

/**
 * Seals a bundle. `plaintext` may be a function of the content key, so attachments can be sealed under
 * the same key first and named (by hash) in the bundle before the bundle itself is sealed.
 */
export async function seal(
  plaintext: Uint8Array<ArrayBuffer> | ((contentKey: CryptoKey) => Promise<Uint8Array<ArrayBuffer>>),
  engagementPublicKey: CryptoKey,
  bundleId: string,
  engagementVersionId: string,
): Promise<Sealed> {
  // the steps that do not need each other's results run at once: the key agreement and the wrapping of the
  // content key go on while the plaintext (and its attachments) is sealed, which is what a participant
  // waits for when they finish
  const [eph, contentKey] = await Promise.all([
    crypto.subtle.generateKey(EC, true, ['deriveBits']) as Promise<CryptoKeyPair>,
    crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']),
  ]);
  const wrapped = wrappingKey(eph.privateKey, engagementPublicKey, engagementVersionId, 'wrapKey').then(
    async (kek) => new Uint8Array(await crypto.subtle.wrapKey('raw', contentKey, kek, 'AES-KW')),
  );
  const exported = crypto.subtle.exportKey('jwk', eph.publicKey);
  // a failure of one is reported with the others' settled, never as an unhandled rejection
  wrapped.catch(() => {});
  exported.catch(() => {});
  const bytes = typeof plaintext === 'function' ? await plaintext(contentKey) : plaintext;
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: bundleAad(bundleId, engagementVersionId) }, contentKey, bytes),
  );
  const [wk, epk] = await Promise.all([wrapped, exported]);
  return {
    envelope: {
      v: 1,
      alg: ENVELOPE_ALG,
      epk: { kty: 'EC', crv: 'P-256', x: String(epk.x), y: String(epk.y) },
      wk: toBase64(wk),
      iv: toBase64(iv),
      ct: toBase64(ct),
    },
    contentKey,
  };
}

/** Recovers the content key. Throws when the envelope was made for another key or was altered. */
export async function unwrapContentKey(
  envelope: Envelope,
  engagementPrivateKey: CryptoKey,
  engagementVersionId: string,
): Promise<CryptoKey> {
  const epk = await crypto.subtle.importKey('jwk', { ...envelope.epk, ext: true }, EC, false, []);
  const kek = await wrappingKey(engagementPrivateKey, epk, engagementVersionId, 'unwrapKey');
  return crypto.subtle.unwrapKey('raw', fromBase64(envelope.wk), kek, 'AES-KW', { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
}

export async function open(
  envelope: Envelope,
  engagementPrivateKey: CryptoKey,
  bundleId: string,
  engagementVersionId: string,
): Promise<{ plaintext: Uint8Array; contentKey: CryptoKey }> {
  const contentKey = await unwrapContentKey(envelope, engagementPrivateKey, engagementVersionId);
  const plaintext = new Uint8Array(
    await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(envelope.iv), additionalData: bundleAad(bundleId, engagementVersionId) },
      contentKey,
      fromBase64(envelope.ct),
    ),
  );
  return { plaintext, contentKey };
}

/** Encrypts attachment bytes under the bundle's content key. Output: 12-byte IV then ciphertext+tag. */
export async function sealAttachment(
  contentKey: CryptoKey,
  bundleId: string,
  index: number,
  bytes: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: attachmentAad(bundleId, index) }, contentKey, bytes),
  );
  const out = new Uint8Array(12 + ct.length);
  out.set(iv, 0);
  out.set(ct, 12);
  return out;
}

export async function openAttachment(
  contentKey: CryptoKey,
  bundleId: string,
  index: number,
  sealed: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array> {
  return new Uint8Array(
    await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.subarray(0, 12), additionalData: attachmentAad(bundleId, index) },
      contentKey,
      sealed.subarray(12),
    ),
  );
}

/** The identity of an envelope's content: equal for a resend, different for any other content. */
export function envelopeHash(envelope: Envelope): Promise<string> {
  return sha256Hex(`${envelope.wk}.${envelope.iv}.${envelope.ct}`);
}
