import type { Kysely } from 'kysely';

/** Expense claims (issue 5): claims, their lines, payment runs, session cash floats, and the audit log. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('claims')
    .addColumn('id', 'text', (c) => c.primaryKey()) // the bundle id: one claim per bundle
    .addColumn('engagement_id', 'text', (c) => c.notNull())
    .addColumn('engagement_version_id', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text')
    .addColumn('reference_code', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('claimed_pence', 'bigint', (c) => c.notNull())
    .addColumn('approved_pence', 'bigint', (c) => c.notNull())
    .addColumn('payment_method', 'text', (c) => c.notNull())
    .addColumn('bank_sealed', 'text')
    .addColumn('bank_last4', 'text')
    .addColumn('payment_json', 'text', (c) => c.notNull())
    .addColumn('declaration_json', 'text', (c) => c.notNull())
    .addColumn('time_choice', 'text')
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('needs_second', 'integer', (c) => c.notNull())
    .addColumn('first_approver', 'text')
    .addColumn('second_approver', 'text')
    .addColumn('payment_run_id', 'text')
    .addColumn('paid_at', 'text')
    .addColumn('bank_purged_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('claims_engagement').on('claims').columns(['engagement_id', 'status']).execute();
  await db.schema.createIndex('claims_session').on('claims').column('session_id').execute();
  await db.schema
    .createTable('claim_lines')
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text', (c) => c.notNull())
    .addColumn('amount_pence', 'bigint', (c) => c.notNull())
    .addColumn('approved_pence', 'bigint')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('receipt_sha256', 'text')
    .addColumn('receipt_image_sha256', 'text')
    .addColumn('warnings_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('claim_lines_pk', ['claim_id', 'idx'])
    .execute();
  await db.schema.createIndex('claim_lines_receipt').on('claim_lines').column('receipt_image_sha256').execute();
  await db.schema
    .createTable('payment_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('claim_count', 'integer', (c) => c.notNull())
    .addColumn('total_pence', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('cash_floats')
    .addColumn('session_id', 'text', (c) => c.primaryKey())
    .addColumn('issued_pence', 'bigint', (c) => c.notNull())
    .addColumn('returned_pence', 'bigint', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('reconciled_by', 'text')
    .addColumn('reconciled_at', 'text')
    .execute();
  await db.schema
    .createTable('audit_events')
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text')
    .execute();
  await db.schema.createIndex('audit_events_subject').ifNotExists().on('audit_events').columns(['subject', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audit_events', 'cash_floats', 'payment_runs', 'claim_lines', 'claims']) await db.schema.dropTable(t).execute();
}
