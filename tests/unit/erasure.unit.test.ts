/**
 * Erasure by reference code (issue 8, DESIGN.md security and privacy): personal data gone, anonymous
 * answers and counts kept, on SQLite and PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncItem } from '../../src/shared/protocol';
import { openAcknowledged, publishRateCard, startTestApp, type TestServer } from '../support/app';
import { PERSONAL, type Personal, sendFullParticipant, sendItem } from '../support/participant';
import { ORIGIN, staffCookie } from '../support/staff';

let s: TestServer;
let admin: string;
const json = { 'content-type': 'application/json', origin: ORIGIN };

const OTHER: Personal = { name: 'Kept Person', email: 'kept@example.org', account: '11112222', from: '1 Other Road', noReceipt: 'Lift' };
const fullParticipant = (p?: Personal) => sendFullParticipant(s, p);
const send = (item: SyncItem) => sendItem(s, item);

/** Every row of every table, as text: what a database dump would hold. */
async function dump(): Promise<string> {
  const tables = await s.database.db.introspection.getTables();
  let out = '';
  for (const t of tables) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(t.name)}`.execute(s.database.db);
    out += JSON.stringify(rows.rows);
  }
  return out;
}

const erase = (reference: string, cookie = admin, reason = 'Asked by phone on 22 November') =>
  s.app.inject({
    method: 'POST',
    url: '/api/staff/erasures',
    headers: { ...json, cookie },
    payload: JSON.stringify({ reference, reason }),
  });

beforeAll(async () => {
  s = await startTestApp();
  await publishRateCard(s);
  admin = (await staffCookie(s, ['admin'])).cookie;
});
afterAll(async () => {
  await s.close();
});

describe('erasure by reference code', () => {
  it('removes personal data and keeps anonymous answers, monitoring counts and claim amounts', async () => {
    const other = await fullParticipant(OTHER);
    const { item, reference, shas } = await fullParticipant();
    const db = s.database.db;
    expect(await dump()).toContain(reference);

    const preview = await s.app.inject({
      method: 'POST',
      url: '/api/staff/erasures/preview',
      headers: { ...json, cookie: admin },
      payload: JSON.stringify({ reference: reference.toLowerCase().replace('-', ' ') }),
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toEqual({ bundles: 1, claims: [{ status: 'submitted', settled: false }], contacts: 1, blocked: false });

    const res = await erase(reference);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ bundles: 1, claims: 1, withdrawnClaims: 1, attachments: 2, contacts: 1 });

    // nothing that identifies or reaches the person is left, in any table
    const after = await dump();
    for (const secret of [reference, PERSONAL.email, PERSONAL.name, PERSONAL.account, PERSONAL.from, PERSONAL.noReceipt]) {
      expect(after.includes(secret), secret).toBe(false);
    }
    const bundle = await db.selectFrom('bundles').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(bundle.reference_code).toBe('');
    const inbox = await db
      .selectFrom('inbox')
      .select(['envelope_json', 'attachments_json'])
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(inbox).toEqual({ envelope_json: '{"erased":true}', attachments_json: '[]' });
    expect(await db.selectFrom('attachment_chunks').select('sha256').where('sha256', 'in', shas).execute()).toEqual([]);
    expect(await db.selectFrom('feedback_contacts').select('bundle_id').where('bundle_id', '=', item.id).execute()).toEqual([]);

    // kept: the anonymous answers, the monitoring behind the counts, the claim's amounts
    expect(bundle.answers_json).toContain('More seats, please');
    const monitoring = await db
      .selectFrom('participation')
      .select('monitoring_json')
      .where('bundle_id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(monitoring.monitoring_json as string)).toEqual({ ageBand: '25_34', gender: 'woman' });
    const claim = await db.selectFrom('claims').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(claim).toMatchObject({ status: 'withdrawn', bank_sealed: null, bank_last4: null, payment_method: 'bank' });
    expect(Number(claim.claimed_pence)).toBe(1670);
    const lines = await db
      .selectFrom('claim_lines')
      .select(['category', 'amount_pence', 'detail_json'])
      .where('claim_id', '=', item.id)
      .orderBy('idx')
      .execute();
    expect(lines.map((l) => [l.category, Number(l.amount_pence)])).toEqual([
      ['public_transport', 420],
      ['taxi', 1250],
    ]);
    expect(JSON.parse(lines[1]?.detail_json as string)).toEqual({ category: 'taxi', amountPence: 1250 });

    // the audit log says who, when and why, without the code itself
    const events = await db.selectFrom('audit_events').selectAll().where('subject', '=', `bundle:${item.id}`).execute();
    expect(events.map((e) => [e.action, e.reason])).toEqual([['erasure', 'Asked by phone on 22 November']]);
    expect(events[0]?.actor).not.toBe('');

    // the other participant is untouched
    const kept = await db
      .selectFrom('bundles')
      .innerJoin('inbox', 'inbox.id', 'bundles.id')
      .select(['bundles.reference_code', 'inbox.envelope_json'])
      .where('bundles.id', '=', other.item.id)
      .executeTakeFirstOrThrow();
    expect(kept.reference_code).toBe(other.reference);
    expect(kept.envelope_json).not.toBe('{"erased":true}');
    expect(await db.selectFrom('feedback_contacts').select('bundle_id').where('bundle_id', '=', other.item.id).execute()).toHaveLength(1);

    // the reference no longer finds anything, a second request is told it is done, and a replay stays a duplicate
    const lookup = await s.app.inject({ method: 'POST', url: '/api/lookup', headers: json, payload: JSON.stringify({ code: reference }) });
    expect(lookup.statusCode).toBe(404);
    const again = await erase(reference);
    expect(again.statusCode).toBe(410);
    expect(again.json().message).toMatch(/was erased on \d{4}-\d{2}-\d{2}/);
    expect(await send(item)).toBe('duplicate');
    await openAcknowledged(s);
    const final = await dump();
    expect(final).not.toContain(PERSONAL.email);
    expect(final).toContain(other.reference);
  });

  it('refuses while the claim is in a payment run, and changes nothing', async () => {
    const { item, reference } = await fullParticipant();
    await s.database.db.updateTable('claims').set({ status: 'in_payment_run' }).where('id', '=', item.id).execute();
    const before = await dump();
    const res = await erase(reference);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('payment run');
    expect(await dump()).toBe(before);
  });

  it('keeps a paid claim paid, and erases a claim sent without answers', async () => {
    const paid = await fullParticipant();
    await s.database.db.updateTable('claims').set({ status: 'paid' }).where('id', '=', paid.item.id).execute();
    expect((await erase(paid.reference)).json()).toMatchObject({ claims: 1, withdrawnClaims: 0 });
    const claim = await s.database.db
      .selectFrom('claims')
      .select(['status', 'bank_sealed'])
      .where('id', '=', paid.item.id)
      .executeTakeFirstOrThrow();
    expect(claim).toEqual({ status: 'paid', bank_sealed: null });
  });

  it('answers unknown and malformed references and other roles clearly', async () => {
    expect((await erase('ZZZZ-ZZZZ')).statusCode).toBe(404);
    const bad = await erase('not-a-reference-code');
    expect(bad.statusCode).toBe(400);
    expect((await erase('ZZZZ-ZZZZ', admin, '')).statusCode).toBe(400);
    for (const role of ['organiser', 'finance', 'analyst'] as const) {
      const { cookie } = await staffCookie(s, [role]);
      expect((await erase('ZZZZ-ZZZZ', cookie)).statusCode, role).toBe(403);
    }
  });
});
