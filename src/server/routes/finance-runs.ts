/** Payment runs for finance: make one, list them, look at one, download its bank file again, record outcomes. */
import * as v from 'valibot';
import { RUN_FORMATS, RUN_OUTCOMES } from '../../shared/payment-runs';
import type { AppContext } from '../context';
import { badRequest } from '../errors';
import { bodyDoc } from '../openapi';
import { getRun, listRuns, runFile } from '../services/payment-run-files';
import { createPaymentRun, recordOutcomes, recordRunResult } from '../services/payment-runs';
import { parseBody } from '../validate';
import { IdParam, param } from './finance';
import { actorOf, financeOnly } from './finance-guard';

const BankReason = v.pipe(v.string(), v.trim(), v.minLength(1, 'Give the reason the bank gave'), v.maxLength(500));
const CreateSchema = v.optional(v.strictObject({ format: v.optional(v.picklist(RUN_FORMATS, 'Choose csv or bacs18')) }), {});
const RunResultSchema = v.strictObject({
  failed: v.pipe(v.array(v.strictObject({ claimId: IdParam, reason: BankReason })), v.maxLength(1000)),
});
const OutcomesSchema = v.strictObject({
  outcomes: v.pipe(
    v.array(
      v.strictObject({
        claimId: IdParam,
        outcome: v.picklist(RUN_OUTCOMES, 'Mark each claim paid or failed'),
        reason: v.optional(BankReason),
      }),
    ),
    v.minLength(1, 'Mark at least one claim'),
    v.maxLength(1000),
  ),
});
const FileQuery = v.strictObject({ format: v.optional(v.picklist(RUN_FORMATS)) });
const FILES = {
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  bacs18: { type: 'text/plain; charset=us-ascii', ext: 'txt' },
} as const;

export default async function financeRuns(ctx: AppContext) {
  const { app, database, serverKey, config } = ctx;
  const db = database.db;
  const doc = (summary: string, body?: v.GenericSchema) => ({
    schema: { summary, security: [{ staff: [] }], ...(body ? { body: bodyDoc(body) } : {}) },
  });
  const runId = (req: { params: unknown }) => param((req.params as { id: string }).id, 'payment run');

  app.post(
    '/api/finance/payment-runs',
    financeOnly(ctx, doc('Put approved bank-transfer claims into a new payment run; answers the run and its bank file', CreateSchema)),
    async (req, reply) => {
      const { format } = parseBody(CreateSchema, req.body ?? undefined);
      return reply.code(201).send(await createPaymentRun(db, serverKey, actorOf(req), format, config.bacsOriginator));
    },
  );
  app.get('/api/finance/payment-runs', financeOnly(ctx, doc('Payment runs: state, who, when, how many claims, total')), async () => ({
    runs: await listRuns(db),
  }));
  app.get(
    '/api/finance/payment-runs/:id',
    financeOnly(ctx, doc('One payment run: its claims with reference codes, payee names, amounts and outcomes (audited)')),
    async (req) => getRun(db, serverKey, runId(req), actorOf(req)),
  );
  app.get(
    '/api/finance/payment-runs/:id/file',
    financeOnly(ctx, doc('The run’s bank file again (?format=csv or bacs18); every download is audited')),
    async (req, reply) => {
      const q = v.safeParse(FileQuery, req.query);
      if (!q.success) throw badRequest('Choose format=csv or format=bacs18.', 'invalid_query');
      const id = runId(req);
      const format = q.output.format ?? 'csv';
      const file = await runFile(db, serverKey, id, format, actorOf(req), config.bacsOriginator);
      return reply
        .type(FILES[format].type)
        .header('content-disposition', `attachment; filename="payment-run-${id.slice(0, 8)}.${FILES[format].ext}"`)
        .send(file.body);
    },
  );
  app.post(
    '/api/finance/payment-runs/:id/outcomes',
    financeOnly(ctx, doc('Mark claims of a run paid or failed (with the bank’s reason)', OutcomesSchema)),
    async (req) => {
      const id = runId(req);
      await recordOutcomes(db, id, actorOf(req), parseBody(OutcomesSchema, req.body).outcomes);
      return getRun(db, serverKey, id, actorOf(req));
    },
  );
  app.post(
    '/api/finance/payment-runs/:id/result',
    financeOnly(ctx, doc('Mark every waiting claim of a run paid, except the claims the bank refused', RunResultSchema)),
    async (req) => {
      await recordRunResult(db, runId(req), actorOf(req), parseBody(RunResultSchema, req.body).failed);
      return { ok: true };
    },
  );
}
