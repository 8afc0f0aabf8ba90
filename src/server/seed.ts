import type { Kysely } from 'kysely';
import { createSetupToken, hasStaff } from './auth/users';
import type { DB } from './db/schema';
import { DEMO_CONTENT, DEMO_SLUG, DEMO_TITLE } from './demo';
import type { ServerKey } from './keys';
import { createEnrolmentCode } from './services/devices';
import { createPublishedEngagement } from './services/engagements';

/**
 * On an empty database: the demo engagement. While no device is enrolled: a fresh enrolment code on every
 * start, so the newcomer's printed link always works. While nobody has a staff account: a fresh one-time
 * setup link for the first admin (there is no default password).
 */
export async function seedIfEmpty(
  db: Kysely<DB>,
  serverKey: ServerKey,
): Promise<{ demo: boolean; enrolmentCode: string | null; setupToken: string | null }> {
  let demo = false;
  const any = await db.selectFrom('engagements').select('id').limit(1).executeTakeFirst();
  if (!any) {
    try {
      await createPublishedEngagement(db, serverKey, { slug: DEMO_SLUG, title: DEMO_TITLE, content: DEMO_CONTENT });
      demo = true;
    } catch (e) {
      // another instance starting on the same database seeded it a moment ago (unique slug)
      const seeded = await db.selectFrom('engagements').select('id').where('slug', '=', DEMO_SLUG).executeTakeFirst();
      if (!seeded) throw e;
    }
  }
  const device = await db.selectFrom('devices').select('id').limit(1).executeTakeFirst();
  const enrolmentCode = device ? null : (await createEnrolmentCode(db, null)).code;
  const setupToken = (await hasStaff(db)) ? null : await createSetupToken(db);
  return { demo, enrolmentCode, setupToken };
}
