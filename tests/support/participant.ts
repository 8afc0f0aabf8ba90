/** A participant who gave everything (answers, a voice clip, monitoring, a contact, a bank-transfer claim with a receipt), sent and opened. */
import type { Claim } from '../../src/shared/claims';
import type { SyncItem } from '../../src/shared/protocol';
import { openAcknowledged, type TestServer, uploadAttachment } from './app';
import { sealedItem } from './bundles';

export const PERSONAL = {
  name: 'Zainab Q. Erasable',
  email: 'zainab.erasable@example.org',
  account: '87654321',
  from: '14 Unique Street',
  noReceipt: 'My sister Mariam drove me',
};
export type Personal = typeof PERSONAL;

export async function sendItem(s: TestServer, item: SyncItem): Promise<string> {
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/sync/batches',
    headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ items: [item] }),
  });
  return res.json().results[0].status as string;
}

export async function sendFullParticipant(s: TestServer, p: Personal = PERSONAL) {
  const voice = await uploadAttachment(s, crypto.getRandomValues(new Uint8Array(64)));
  const receipt = await uploadAttachment(s, crypto.getRandomValues(new Uint8Array(48)));
  const claim: Claim = {
    lines: [
      { category: 'public_transport', amountPence: 420, receipt: 1 },
      {
        category: 'taxi',
        amountPence: 1250,
        from: p.from,
        to: 'The library',
        reason: 'No bus',
        noReceiptReason: p.noReceipt,
      },
    ],
    payment: { method: 'bank', accountName: p.name, sortCode: '112233', accountNumber: p.account },
    declaration: { kind: 'typed', name: p.name },
    at: new Date().toISOString(),
  };
  const item = await sealedItem(s.engagement, {
    contact: { name: p.name, email: p.email },
    monitoring: { ageBand: '25_34', gender: 'woman' },
    place: { venue: 'Food bank', area: 'G42' },
    claim,
    attachments: [
      { sha256: voice, type: 'audio/webm', size: 64, kind: 'voice' },
      { sha256: receipt, type: 'image/jpeg', size: 48, kind: 'receipt' },
    ],
  });
  const status = await sendItem(s, item);
  if (status !== 'stored') throw new Error(`the participant's bundle was ${status}`);
  await openAcknowledged(s);
  const [row] = await s.database.db.selectFrom('bundles').select('reference_code').where('id', '=', item.id).execute();
  return { item, reference: row?.reference_code as string, shas: [voice, receipt] };
}
