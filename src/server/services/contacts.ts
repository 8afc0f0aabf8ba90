/** The contact list for feedback: participants who left contact details (consent is leaving them). */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { ServerKey } from '../keys';
import { CONTACT_CONTEXT, type ContactDetails } from './participation';

export interface ContactEntry extends ContactDetails {
  language: string;
  format: string;
  givenAt: string;
}

export async function feedbackContacts(db: Kysely<DB>, serverKey: ServerKey, engagementId: string): Promise<ContactEntry[]> {
  const rows = await db
    .selectFrom('feedback_contacts')
    .selectAll()
    .where('engagement_id', '=', engagementId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => {
    const c = JSON.parse(serverKey.open(r.contact_sealed, CONTACT_CONTEXT(r.bundle_id))) as ContactDetails;
    return { name: c.name ?? '', email: c.email ?? '', phone: c.phone ?? '', language: r.locale, format: r.format, givenAt: r.created_at };
  });
}
