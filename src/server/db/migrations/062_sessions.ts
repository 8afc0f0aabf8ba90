import type { Kysely } from 'kysely';

/** Sessions as their devices report them once closed (DESIGN.md Session): venue, area, attendance, cash float. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('engagement_slug', 'text', (c) => c.notNull())
    .addColumn('engagement_id', 'text')
    .addColumn('venue', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addColumn('attendance', 'integer')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('float_issued_pence', 'bigint', (c) => c.notNull())
    .addColumn('float_paid_out_pence', 'bigint', (c) => c.notNull())
    .addColumn('float_returned_pence', 'bigint')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_by_date').on('sessions').column('date').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sessions').execute();
}
