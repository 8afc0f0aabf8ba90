import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { resetDeviceKey } from '../../src/crypto/device-key';
import { DRAFT_MAX_AGE_MS, deleteDraft, getDraft, purgeDrafts, saveDraft } from '../../src/db/drafts';
import { db } from '../../src/db/open';
import { sealedBytes, syncItemOf } from '../../src/db/records';
import type { OutboxRecord, Sealed } from '../../src/db/schema';
import { finishBundle } from '../../src/device/finish';
import { fromBase64 } from '../../src/shared/bytes';
import { generateEngagementKeyPair, importEngagementPrivateKey, open, openAttachment } from '../../src/shared/envelope';
import { deviceEngagement } from '../support/device-engagement';

const engagement = deviceEngagement;

describe('a finished bundle cannot be read back on the device', () => {
  it('stores only ciphertext: no plaintext, no content key, and no key on the device opens it; the server key does', async () => {
    const { rec, privateJwk } = await engagement();
    const receipt = new TextEncoder().encode('RECEIPT: bus fare £3.40');
    const { id, reference } = await finishBundle({
      engagement: rec,
      answers: { else: { text: 'secret words from a participant' } },
      locale: 'en',
      format: 'standard',
      consentAt: new Date().toISOString(),
      attachments: [{ kind: 'receipt', type: 'text/plain', bytes: receipt }],
    });
    const d = await db();
    const stored = await d.get('outbox', id);
    const attachments = await d.getAll('attachments');
    const everything = JSON.stringify([stored, await d.getAll('meta'), await d.getAll('engagements')]);
    expect(everything).not.toContain('secret words');
    expect(everything).not.toContain(reference);
    const sealedReceipt = await sealedBytes(attachments[0]?.bytes as Sealed);
    expect(Buffer.from(sealedReceipt).toString('latin1')).not.toContain('RECEIPT');
    // nothing the device holds is a private key for the engagement: any key it could make fails
    expect(Object.keys(rec.publicKey)).not.toContain('d');
    const stranger = await importEngagementPrivateKey((await generateEngagementKeyPair()).privateJwk);
    await expect(open(syncItemOf(stored as OutboxRecord).envelope, stranger, id, 'ver-1')).rejects.toThrow();
    // the server, holding the engagement's private key, opens both
    const serverKey = await importEngagementPrivateKey(privateJwk);
    const { plaintext, contentKey } = await open(syncItemOf(stored as OutboxRecord).envelope, serverKey, id, 'ver-1');
    expect(new TextDecoder().decode(plaintext)).toContain('secret words');
    expect(new TextDecoder().decode(await openAttachment(contentKey, id, 0, sealedReceipt))).toBe('RECEIPT: bus fare £3.40');
    // and tampering with the ciphertext or its bound data (id, version) is refused
    const env = syncItemOf(stored as OutboxRecord).envelope;
    const ct = fromBase64(env.ct);
    ct[0] = (ct[0] ?? 0) ^ 1;
    await expect(open({ ...env, ct: Buffer.from(ct).toString('base64') }, serverKey, id, 'ver-1')).rejects.toThrow();
    await expect(open(syncItemOf(stored as OutboxRecord).envelope, serverKey, crypto.randomUUID(), 'ver-1')).rejects.toThrow();
    await expect(open(syncItemOf(stored as OutboxRecord).envelope, serverKey, id, 'ver-2')).rejects.toThrow();
  });
});

describe('drafts under the device-local key', () => {
  it('are sealed under a non-extractable key, read back, deleted, and purged after 24 hours', async () => {
    resetDeviceKey();
    await saveDraft('d1', 'library', { answers: { else: { text: 'half-way words' } } });
    const d = await db();
    const raw = await d.get('drafts', 'd1');
    expect(Buffer.from(new Uint8Array(raw?.ct as ArrayBuffer)).toString('latin1')).not.toContain('half-way');
    const key = (await d.get('meta', 'draftKey')) as CryptoKey;
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    expect(await getDraft('d1')).toEqual({ answers: { else: { text: 'half-way words' } } });

    await deleteDraft('d1');
    expect(await getDraft('d1')).toBeNull();

    await saveDraft('d2', 'library', { step: 'x' });
    expect(await purgeDrafts(Date.now() + DRAFT_MAX_AGE_MS - 60_000)).toBe(0);
    expect(await purgeDrafts(Date.now() + DRAFT_MAX_AGE_MS + 60_000)).toBe(1);
    expect(await d.count('drafts')).toBe(0);
  });
});
