/** Paper forms entered in the staff web: sealed like a device bundle, stored through the inbox and opener, marked paper, audited. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublishedEngagement } from '../../src/server/services/engagements';
import type { PublishedEngagement } from '../../src/shared/engagement';
import { openAcknowledged, startTestApp, type TestServer } from '../support/app';
import { sealedItem } from '../support/bundles';
import { ORIGIN, staffCookie } from '../support/staff';

let s: TestServer;
let organiser: Awaited<ReturnType<typeof staffCookie>>;
beforeAll(async () => {
  s = await startTestApp();
  organiser = await staffCookie(s, ['organiser']);
});
afterAll(async () => {
  await s.close();
});

const post = (engagementId: string, body: unknown, cookie = organiser.cookie) =>
  s.app.inject({
    method: 'POST',
    url: `/api/staff/engagements/${engagementId}/paper`,
    headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
const count = async (table: 'inbox' | 'bundles' | 'audit_events') =>
  Number(
    (
      await s.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('paper forms entered by staff', () => {
  it('stores the sealed form through the inbox; opened, it is a bundle marked paper, recorded against the staff member', async () => {
    const item = await sealedItem(s.engagement, { inputMethod: 'paper' });
    const res = await post(s.engagement.engagementId, item);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: item.id, status: 'stored' });
    await openAcknowledged(s);
    const row = await s.database.db.selectFrom('bundles').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect(row.input_method).toBe('paper');
    expect(row.device_id).toBe(`staff:${organiser.id}`);
    const inbox = await s.database.db.selectFrom('inbox').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect([inbox.source, inbox.state]).toEqual(['paper', 'opened']);
    const audit = await s.database.db.selectFrom('audit_events').selectAll().where('subject', '=', `bundle:${item.id}`).execute();
    expect(audit.map((a) => [a.actor, a.action])).toEqual([[organiser.actor, 'bundle.paper_entered']]);
    // a resend (a lost answer, a double click) is a duplicate, not a second bundle
    const bundles = await count('bundles');
    const again = await post(s.engagement.engagementId, item);
    expect(again.statusCode).toBe(200);
    expect(again.json().status).toBe('duplicate');
    await openAcknowledged(s);
    expect(await count('bundles')).toBe(bundles);
    expect(await s.database.db.selectFrom('bundles').select('id').where('id', '=', item.id).execute()).toHaveLength(1);
  });

  it('refuses, with a clear 4xx and nothing written: the same id with other content, another engagement, attachments, a bad body', async () => {
    const before = [await count('inbox'), await count('audit_events')];
    const first = await sealedItem(s.engagement, { inputMethod: 'paper' });
    await post(s.engagement.engagementId, first);
    const stored = [await count('inbox'), await count('audit_events')];
    expect(stored).toEqual([before[0] + 1, before[1] + 1]);
    const other = await sealedItem(s.engagement, { id: first.id, inputMethod: 'paper', answers: {} });
    const conflict = await post(s.engagement.engagementId, other);
    expect(conflict.statusCode).toBe(409);
    const { engagementId: park } = await createPublishedEngagement(s.database.db, s.serverKey, {
      slug: 'park',
      title: { en: { standard: 'Park' } },
      content: s.engagement.content,
    });
    const wrong = await post(park, await sealedItem(s.engagement, { inputMethod: 'paper' }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toMatch(/not for a published version/);
    const withClip = { ...(await sealedItem(s.engagement, { inputMethod: 'paper' })), attachments: ['a'.repeat(64)] };
    expect((await post(s.engagement.engagementId, withClip)).statusCode).toBe(400);
    for (const bad of [{}, { id: 'x' }, { ...first, extra: 1 }]) {
      const res = await post(s.engagement.engagementId, bad);
      expect(res.statusCode).toBe(400);
      expect(typeof res.json().message).toBe('string');
    }
    expect([await count('inbox'), await count('audit_events')]).toEqual(stored);
  });

  it("counts the person in who took part: monitoring and contact on the form are kept like a device participant's", async () => {
    const item = await sealedItem(s.engagement, {
      inputMethod: 'paper',
      monitoring: { gender: 'woman', ageBand: '65_74', area: 'g42' },
      contact: { name: 'Morag Paper', email: 'morag@example.org' },
    });
    expect((await post(s.engagement.engagementId, item)).statusCode).toBe(201);
    await openAcknowledged(s);
    const took = await s.database.db.selectFrom('participation').selectAll().where('bundle_id', '=', item.id).executeTakeFirstOrThrow();
    expect(took.engagement_id).toBe(s.engagement.engagementId);
    expect(JSON.parse(took.monitoring_json ?? 'null')).toEqual({ gender: 'woman', ageBand: '65_74', area: 'g42' });
    const contact = await s.database.db
      .selectFrom('feedback_contacts')
      .selectAll()
      .where('bundle_id', '=', item.id)
      .executeTakeFirstOrThrow();
    // sealed under the server key: the name is not in the row as text
    expect(contact.contact_sealed).not.toContain('Morag');
    expect(contact.engagement_id).toBe(s.engagement.engagementId);
  });

  it('only organisers enter paper forms', async () => {
    for (const role of ['analyst', 'finance', 'admin'] as const) {
      const { cookie } = await staffCookie(s, [role]);
      const res = await post(
        s.engagement.engagementId,
        await sealedItem(s.engagement as PublishedEngagement, { inputMethod: 'paper' }),
        cookie,
      );
      expect(res.statusCode).toBe(403);
    }
  });
});
