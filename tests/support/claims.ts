/** Claims as a device sends them: sealed in a bundle with a receipt photo, synced, then opened by the server. */
import { expect } from 'vitest';
import type { Claim } from '../../src/shared/claims';
import { openAcknowledged, type TestServer, uploadAttachment } from './app';
import { sealedItem } from './bundles';

export function bankClaim(accountName: string, sortCode: string, accountNumber: string, amounts: number[]): Claim {
  return {
    lines: amounts.map((amountPence) => ({ category: 'public_transport', amountPence, receipt: 0 })),
    payment: { method: 'bank', accountName, sortCode, accountNumber },
    declaration: { kind: 'typed', name: accountName },
    at: new Date().toISOString(),
  };
}

/** Sends the claim in a bundle (with answers unless `claimOnly`); returns the claim id. */
export async function sendClaim(s: TestServer, claim: Claim, opts: { claimOnly?: boolean; sessionId?: string } = {}): Promise<string> {
  const bytes = crypto.getRandomValues(new Uint8Array(500));
  const sha256 = await uploadAttachment(s, bytes);
  const item = await sealedItem(s.engagement, {
    claim,
    attachments: [{ sha256, type: 'image/jpeg', size: bytes.length, kind: 'receipt' }],
    ...(opts.claimOnly ? { answers: {} } : {}),
    ...(opts.sessionId ? { sessionId: opts.sessionId } : {}),
  });
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/sync/batches',
    headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
    payload: JSON.stringify({ items: [item] }),
  });
  expect(res.json().results[0].status).toBe('stored');
  await openAcknowledged(s);
  return item.id;
}
