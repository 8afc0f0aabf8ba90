/**
 * One validation on both sides: whatever the device's check lets finishBundle seal, the server's opener
 * opens (never `failed` after `stored`); and what the opener would refuse, the device refuses before sealing.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncItemOf } from '../../src/db/records';
import type { OutboxRecord } from '../../src/db/schema';
import { finishBundle, InvalidBundleError } from '../../src/device/finish';
import { VersionKeys } from '../../src/server/services/engagements';
import { ingestBatch } from '../../src/server/services/ingest';
import { openPending } from '../../src/server/services/opener';
import { type Contact, EmailSchema } from '../../src/shared/bundle';
import type { Claim } from '../../src/shared/claims';
import { problemPaths } from '../../src/shared/issues';
import { LIMITS } from '../../src/shared/limits';
import { startTestApp, type TestServer } from '../support/app';

let s: TestServer;
let keys: VersionKeys;
beforeAll(async () => {
  s = await startTestApp();
  keys = new VersionKeys(s.database.db, s.serverKey);
});
afterAll(async () => {
  await s.close();
});

const REAL_ADDRESSES = [
  "siobhan.o'neill@example.com",
  'ann@example.c',
  'x@bücher.de',
  'أحمد@مثال.مصر',
  'li.wei@例子.中国',
  'a+tag@sub.example.co.uk',
];

/** Texts as people type them (any script, emoji, right-to-left), and texts at exactly their limit. */
const text = (max: number) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.constantFrom(
      'x'.repeat(max),
      'ש'.repeat(max),
      'مرحبا '.repeat(max).slice(0, max),
      `${'ü'.repeat(max - 1)}!`,
      'Cill Rìmhinn → Glaschu',
    ),
  );

const contact: fc.Arbitrary<Contact | null> = fc.option(
  fc.record({
    name: fc.option(text(LIMITS.name), { nil: undefined }),
    email: fc.oneof(fc.constantFrom(...REAL_ADDRESSES), fc.emailAddress()),
  }),
  { nil: null },
);

const claim: fc.Arbitrary<Claim | undefined> = fc.option(
  fc
    .record({
      from: text(LIMITS.place),
      to: text(LIMITS.place),
      reason: text(LIMITS.reason),
      name: text(LIMITS.declarationName).filter((n) => n.trim().length > 0),
      amountPence: fc.integer({ min: 0, max: 20_000 }),
    })
    .map(
      ({ from, to, reason, name, amountPence }): Claim => ({
        lines: [{ category: 'taxi', amountPence, from, to, reason }],
        payment: { method: 'none' },
        declaration: { kind: 'typed', name },
        at: new Date().toISOString(),
      }),
    ),
  { nil: undefined },
);

async function stateOf(id: string) {
  const row = await s.database.db.selectFrom('inbox').select(['state', 'reason']).where('id', '=', id).executeTakeFirstOrThrow();
  return row;
}

describe('one validation, device and server', () => {
  it('the email rule takes addresses people really have, and nothing without local@domain.tld', () => {
    for (const ok of REAL_ADDRESSES) expect(problemPaths(EmailSchema, ok), ok).toEqual([]);
    for (const bad of [
      'ann',
      'ann@',
      '@example.com',
      'ann@example',
      'ann @example.com',
      'a@b@c.de',
      'ann@.com',
      'ann@example..com',
      'ann@example.com.',
    ])
      expect(problemPaths(EmailSchema, bad), bad).not.toEqual([]);
  });

  it('every payload the device seals is opened by the server, never failed after stored', async () => {
    let sealed = 0;
    await fc.assert(
      fc.asyncProperty(
        contact,
        text(LIMITS.text),
        text(LIMITS.area),
        claim,
        fc.constantFrom('en', 'ar', 'ur', 'zh-Hans'),
        async (given, answer, area, madeClaim, locale) => {
          let record: OutboxRecord | undefined;
          try {
            await finishBundle({
              engagement: s.engagement,
              answers: { visit: { yesno: 'yes' }, else: { text: answer } },
              locale,
              format: 'standard',
              consentAt: new Date().toISOString(),
              contact: given,
              monitoring: { area },
              ...(madeClaim ? { claim: madeClaim } : {}),
              store: async (r) => {
                record = r;
              },
            });
          } catch (e) {
            // the device refused it before sealing: the server never sees it, which is the other half of the rule
            if (e instanceof InvalidBundleError) return;
            throw e;
          }
          if (!record) throw new Error('finishBundle stored nothing');
          const [result] = await ingestBatch(s.database.db, keys, s.deviceId, [syncItemOf(record)]);
          expect(result?.status).toBe('stored');
          await openPending(s.database.db, keys);
          expect(await stateOf(record.id)).toEqual({ state: 'opened', reason: null });
          sealed++;
        },
      ),
      { numRuns: 60, examples: [[{ name: 'Siobhan', email: "siobhan.o'neill@example.com" }, 'Tha', 'G42', undefined, 'en']] },
    );
    // the generators make texts within their limits, so nearly every run reaches the opener
    expect(sealed).toBeGreaterThan(50);
  });

  it('the device refuses, before sealing, what the opener would refuse', async () => {
    let stored = 0;
    const attempt = (contactGiven: Contact, from = 'Paisley') =>
      finishBundle({
        engagement: s.engagement,
        answers: { visit: { yesno: 'yes' } },
        locale: 'en',
        format: 'standard',
        consentAt: new Date().toISOString(),
        contact: contactGiven,
        claim: {
          lines: [{ category: 'public_transport', amountPence: 420, from, to: 'Glasgow' }],
          payment: { method: 'none' },
          declaration: { kind: 'typed', name: 'Ann' },
          at: new Date().toISOString(),
        },
        store: async () => {
          stored++;
        },
      });
    await expect(attempt({ email: 'ann at example' })).rejects.toMatchObject({ paths: ['contact.email'] });
    await expect(attempt({ email: 'ann@example.com', name: 'n'.repeat(LIMITS.name + 1) })).rejects.toMatchObject({
      paths: ['contact.name'],
    });
    await expect(attempt({ phone: '0141 000 0000' }, 'p'.repeat(LIMITS.place + 1))).rejects.toBeInstanceOf(InvalidBundleError);
    expect(stored).toBe(0);
  });
});
