/**
 * The claim inside the participant journey: where it comes in the steps, and how receipts and voice clips
 * share one bundle's attachments (receipts first, voice after). Its draft: tests/unit/handover.unit.test.ts.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../../src/db/open';
import { sealedBytes, syncItemOf } from '../../src/db/records';
import type { OutboxRecord, Sealed } from '../../src/db/schema';
import { buildClaim } from '../../src/device/claim';
import { finishBundle, withVoiceAttachments } from '../../src/device/finish';
import { answers, goOnFrom, returnToCheck, step } from '../../src/device/participant';
import type { BundlePayload } from '../../src/shared/bundle';
import { sha256Hex } from '../../src/shared/bytes';
import { importEngagementPrivateKey, open, openAttachment } from '../../src/shared/envelope';
import { DEFAULT_RATE_CARD, offersExpenses } from '../../src/shared/ratecard';
import { deviceEngagement } from '../support/device-engagement';

const bytes = (s: string) => new TextEncoder().encode(s) as Uint8Array<ArrayBuffer>;

afterEach(() => {
  step.value = { kind: 'start' };
  answers.value = {};
  returnToCheck.value = false;
});

describe('where the claim comes in the journey', () => {
  it('an engagement offers expenses when it has a valid rate card', () => {
    expect(offersExpenses({ rateCard: DEFAULT_RATE_CARD })).toBe(true);
    expect(offersExpenses({ rateCard: { categories: ['public_transport'] } })).toBe(false);
    expect(offersExpenses({})).toBe(false);
    expect(offersExpenses({ rateCard: null })).toBe(false);
  });

  it('after monitoring: the claim question when offered, else check; after the claim: check', () => {
    goOnFrom('monitoring', { claim: true });
    expect(step.value).toEqual({ kind: 'claimAsk' });
    goOnFrom('monitoring');
    expect(step.value).toEqual({ kind: 'check' });
    goOnFrom('claim');
    expect(step.value).toEqual({ kind: 'check' });
    // a Change from check returns to check, whatever comes next otherwise
    returnToCheck.value = true;
    goOnFrom('monitoring', { claim: true });
    expect(step.value).toEqual({ kind: 'check' });
    expect(returnToCheck.value).toBe(false);
  });
});

describe('receipts and voice clips in one bundle', () => {
  it('voice clips are numbered after the receipts', () => {
    const clip = { type: 'audio/webm', bytes: new Uint8Array(3) };
    const out = withVoiceAttachments({ a: { voice: 0 }, b: { yesno: 'yes' }, c: { voice: 0 } }, { a: clip, c: clip }, 2);
    expect(out.answers).toEqual({ a: { voice: 2 }, b: { yesno: 'yes' }, c: { voice: 3 } });
  });

  it('each line and each voice answer points at its own attachment in the sealed bundle', async () => {
    const { rec: engagement, privateJwk } = await deviceEngagement();
    const photo = bytes('JPEG bus ticket');
    const { claim, receipts } = buildClaim(
      {
        lines: [
          {
            line: { category: 'public_transport', amountPence: 420 },
            receipt: { type: 'image/jpeg', bytes: photo, sha256: await sha256Hex(photo), width: 1, height: 1 },
          },
          { line: { category: 'parking', amountPence: 300 } },
        ],
        payment: { method: 'cash', handedOverPence: 720, facilitatorRecorded: true, participantConfirmed: true },
      },
      { kind: 'typed', name: 'Ann Example' },
    );
    const voice = withVoiceAttachments(
      { voice: { voice: 0 } },
      { voice: { type: 'audio/webm', bytes: bytes('OPUS clip') } },
      receipts.length,
    );
    const { id } = await finishBundle({
      engagement,
      answers: voice.answers,
      attachments: [...receipts, ...voice.attachments],
      claim,
      locale: 'en',
      format: 'standard',
      consentAt: new Date().toISOString(),
    });
    const d = await db();
    const stored = await d.get('outbox', id);
    const key = await importEngagementPrivateKey(privateJwk);
    const { plaintext, contentKey } = await open(syncItemOf(stored as OutboxRecord).envelope, key, id, 'ver-1');
    const payload = JSON.parse(new TextDecoder().decode(plaintext)) as BundlePayload;
    const openAt = async (index: number) => {
      const ref = payload.attachments[index];
      const rec = await d.get('attachments', ref?.sha256 as string);
      return {
        kind: ref?.kind,
        text: new TextDecoder().decode(await openAttachment(contentKey, id, index, await sealedBytes(rec?.bytes as Sealed))),
      };
    };
    const line = payload.claim?.lines[0];
    expect(await openAt(line?.receipt as number)).toEqual({ kind: 'receipt', text: 'JPEG bus ticket' });
    expect(payload.claim?.lines[1]?.receipt).toBeUndefined();
    const answer = payload.answers.voice as { voice: number };
    expect(await openAt(answer.voice)).toEqual({ kind: 'voice', text: 'OPUS clip' });
    expect(payload.attachments.map((a) => a.kind)).toEqual(['receipt', 'voice']);
  });
});
