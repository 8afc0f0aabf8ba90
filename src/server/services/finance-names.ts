/**
 * What finance needs beside a claim list to read it without ids: each claim's engagement title and session
 * (venue and date), whether approving it in full would need a second approver, and the engagements and
 * sessions that have claims, to choose a filter from.
 */
import type { Kysely } from 'kysely';
import { needsSecondApprover } from '../../shared/claims';
import type { Text } from '../../shared/engagement';
import type { DB } from '../db/schema';
import { versionCard } from './claims';

/** Staff screens are in English: the English title, else the first one there is. */
const englishTitle = (json: string) => {
  const t = JSON.parse(json) as Text;
  return t.en?.standard || Object.values(t)[0]?.standard || '(untitled)';
};
const sessionName = (s: { venue: string; date: string }) => `${s.venue}, ${s.date}`;

export async function engagementNames(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('engagements').select(['id', 'title_json']).execute();
  return new Map(rows.map((r) => [r.id, englishTitle(r.title_json)]));
}

export async function sessionNames(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('sessions').select(['id', 'venue', 'date']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, sessionName(r)]));
}

interface Named {
  id: string;
  engagementId: string;
  sessionId: string | null;
  claimedPence: number;
}

/** Adds names and `secondIfApproved` (a full approval would need a second approver) to listed claims. */
export async function withNames<C extends Named & { versionId: string }>(db: Kysely<DB>, claims: C[]) {
  const engagements = await engagementNames(db);
  const sessions = await sessionNames(db, [...new Set(claims.flatMap((c) => (c.sessionId ? [c.sessionId] : [])))]);
  const cards = new Map<string, Awaited<ReturnType<typeof versionCard>>>();
  for (const v of new Set(claims.map((c) => c.versionId))) cards.set(v, await versionCard(db, v));
  const ids = claims.map((c) => c.id);
  const counts = ids.length
    ? await db
        .selectFrom('claim_lines')
        .select(['claim_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('claim_id', 'in', ids)
        .groupBy('claim_id')
        .execute()
    : [];
  const lineCount = new Map(counts.map((r) => [r.claim_id, Number(r.n)]));
  return claims.map(({ versionId, ...c }) => {
    const card = cards.get(versionId)?.card;
    return {
      ...c,
      engagementTitle: engagements.get(c.engagementId) ?? '(unknown engagement)',
      sessionName: c.sessionId ? (sessions.get(c.sessionId) ?? 'session not reported yet') : null,
      // with no rate card there is no threshold to trust: the server asks for a second person then too
      secondIfApproved: !card || needsSecondApprover(card, c.claimedPence),
      lineCount: lineCount.get(c.id) ?? 0,
    };
  });
}

/** The engagements and sessions that have claims, named, for the claim list's filters. */
export async function claimFilterOptions(db: Kysely<DB>) {
  const used = await db.selectFrom('claims').select(['engagement_id', 'session_id']).distinct().execute();
  const engagements = await engagementNames(db);
  const sessionIds = [...new Set(used.flatMap((u) => (u.session_id ? [u.session_id] : [])))];
  const sessions = await db
    .selectFrom('sessions')
    .select(['id', 'venue', 'date'])
    .where('id', 'in', sessionIds.length ? sessionIds : [''])
    .execute();
  const byId = new Map(sessions.map((s) => [s.id, s]));
  return {
    engagements: [...new Set(used.map((u) => u.engagement_id))]
      .map((id) => ({ id, name: engagements.get(id) ?? '(unknown engagement)' }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    sessions: sessionIds
      .map((id) => {
        const s = byId.get(id);
        return { id, name: s ? sessionName(s) : `not reported yet (${id.slice(0, 8)})`, date: s?.date ?? '' };
      })
      .sort((a, b) => b.date.localeCompare(a.date) || a.name.localeCompare(b.name))
      .map(({ id, name }) => ({ id, name })),
  };
}
