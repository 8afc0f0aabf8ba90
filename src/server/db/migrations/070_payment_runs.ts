import { type Kysely, sql } from 'kysely';

/**
 * Payment runs as records (DESIGN.md PaymentRun) and the one writer of claim status:
 * - claims.approved_status: the approved state a claim had when it went into a run, so a failed payment
 *   returns it there (a partially approved claim must never come back fully approved);
 * - claims.version: bumped by every status change, so a change is conditional on the row it was decided on;
 * - claims.held_reason: why a claim waits for staff without being priced (e.g. its engagement has no rate card);
 * - payment_runs.format/state/settled_at, and payment_run_claims: each claim of a run, its amount and outcome.
 * Runs made before this migration get their claims from claims.payment_run_id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('claims').addColumn('approved_status', 'text').execute();
  await db.schema
    .alterTable('claims')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('claims').addColumn('held_reason', 'text').execute();
  await db.schema
    .alterTable('payment_runs')
    .addColumn('format', 'text', (c) => c.notNull().defaultTo('csv'))
    .execute();
  await db.schema
    .alterTable('payment_runs')
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('sent'))
    .execute();
  await db.schema.alterTable('payment_runs').addColumn('settled_at', 'text').execute();
  await db.schema
    .createTable('payment_run_claims')
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('claim_id', 'text', (c) => c.notNull())
    .addColumn('amount_pence', 'bigint', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('reason', 'text')
    .addColumn('marked_by', 'text')
    .addColumn('marked_at', 'text')
    .addPrimaryKeyConstraint('payment_run_claims_pk', ['run_id', 'claim_id'])
    .execute();
  await db.schema.createIndex('payment_run_claims_claim').on('payment_run_claims').column('claim_id').execute();
  await db.schema.createIndex('payment_runs_created').on('payment_runs').column('created_at').execute();
  await db.schema.createIndex('audit_events_at').on('audit_events').column('at').execute();
  await sql`
    INSERT INTO payment_run_claims (run_id, claim_id, amount_pence, outcome, marked_at)
    SELECT payment_run_id, id, approved_pence, CASE WHEN status = 'paid' THEN 'paid' ELSE NULL END,
           CASE WHEN status = 'paid' THEN paid_at ELSE NULL END
    FROM claims WHERE payment_run_id IS NOT NULL`.execute(db);
  await sql`
    UPDATE payment_runs SET state = 'settled', settled_at = created_at
    WHERE NOT EXISTS (SELECT 1 FROM payment_run_claims p WHERE p.run_id = payment_runs.id AND p.outcome IS NULL)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('payment_run_claims').execute();
  await db.schema.dropIndex('payment_runs_created').execute();
  await db.schema.dropIndex('audit_events_at').execute();
  for (const c of ['format', 'state', 'settled_at']) await db.schema.alterTable('payment_runs').dropColumn(c).execute();
  for (const c of ['approved_status', 'version', 'held_reason']) await db.schema.alterTable('claims').dropColumn(c).execute();
}
