/** Finance staff endpoints (finance role only): claims, line decisions, payment runs, floats, totals. */
import * as v from 'valibot';
import { CLAIM_STATES, LINE_DECISIONS } from '../../shared/claims';
import { MAX_LINE_PENCE } from '../../shared/money';
import type { AppContext } from '../context';
import { badRequest } from '../errors';
import { bodyDoc } from '../openapi';
import { audit } from '../services/audit';
import { decideLines, getClaim, listClaims, secondApprove, withdraw } from '../services/finance';
import { claimFilterOptions } from '../services/finance-names';
import { floatReport, reconcileFloat, recordFloat, totals, totalsCsv } from '../services/finance-payments';
import { listSessions } from '../services/sessions';
import { parseBody } from '../validate';
import { actorOf, financeOnly } from './finance-guard';

const Pence = v.pipe(
  v.number('Give an amount in pence'),
  v.integer('Amounts are whole pence'),
  v.minValue(0, 'Amounts cannot be negative'),
  v.maxValue(MAX_LINE_PENCE),
);
const Reason = v.optional(v.pipe(v.string(), v.maxLength(1000, 'Use at most 1000 characters for the reason')));
export const IdParam = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'That is not an id'));

const DecisionsSchema = v.strictObject({
  decisions: v.pipe(
    v.array(
      v.strictObject({
        idx: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
        decision: v.picklist(LINE_DECISIONS, 'Decide approve, reduce, query or reject'),
        reason: Reason,
        reducedToPence: v.optional(Pence),
      }),
    ),
    v.minLength(1, 'Decide at least one line'),
    v.maxLength(100),
  ),
});
const WithdrawSchema = v.strictObject({ reason: v.pipe(v.string(), v.trim(), v.minLength(1, 'Give a reason'), v.maxLength(1000)) });
const FloatSchema = v.strictObject({ issuedPence: Pence, returnedPence: Pence });
const ReconcileSchema = v.strictObject({ reason: Reason });
const Query = v.strictObject({
  engagementId: v.optional(IdParam),
  sessionId: v.optional(IdParam),
  status: v.optional(v.picklist(CLAIM_STATES)),
});

export function param(value: unknown, what: string): string {
  const r = v.safeParse(IdParam, value);
  if (!r.success) throw badRequest(`That is not a ${what} id.`, 'invalid_param');
  return r.output;
}

export default async function finance(ctx: AppContext) {
  const { app, database, serverKey } = ctx;
  const db = database.db;
  const doc = (summary: string, body?: v.GenericSchema) => ({
    schema: { summary, security: [{ staff: [] }], ...(body ? { body: bodyDoc(body) } : {}) },
  });

  app.get('/api/finance/claims', financeOnly(ctx, doc('Claims, by engagement, session or status')), async (req) => {
    const r = v.safeParse(Query, req.query);
    if (!r.success) throw badRequest('Filter by engagementId, sessionId or status.', 'invalid_query');
    return { claims: await listClaims(db, r.output), ...(await claimFilterOptions(db)) };
  });
  app.get(
    '/api/finance/claims/:id',
    financeOnly(ctx, doc('One claim with its lines, bank details and audit log (finance only; the read is audited)')),
    async (req) => getClaim(db, serverKey, param((req.params as { id: string }).id, 'claim'), { actor: actorOf(req) }),
  );
  app.post(
    '/api/finance/claims/:id/decisions',
    financeOnly(ctx, doc('Approve, reduce, query or reject lines, with reasons', DecisionsSchema)),
    async (req) => {
      const id = param((req.params as { id: string }).id, 'claim');
      await decideLines(db, id, actorOf(req), parseBody(DecisionsSchema, req.body).decisions);
      return getClaim(db, serverKey, id, null);
    },
  );
  app.post(
    '/api/finance/claims/:id/second-approval',
    financeOnly(ctx, doc('A second finance approver confirms a claim above the threshold')),
    async (req) => {
      const id = param((req.params as { id: string }).id, 'claim');
      await secondApprove(db, id, actorOf(req));
      return getClaim(db, serverKey, id, null);
    },
  );
  app.post('/api/finance/claims/:id/withdraw', financeOnly(ctx, doc('Withdraw a claim before approval', WithdrawSchema)), async (req) => {
    const id = param((req.params as { id: string }).id, 'claim');
    await withdraw(db, id, actorOf(req), parseBody(WithdrawSchema, req.body).reason);
    return getClaim(db, serverKey, id, null);
  });
  app.get('/api/finance/sessions', financeOnly(ctx, doc('Sessions as devices reported them, with their cash floats')), async () => ({
    sessions: await listSessions(db),
  }));
  app.get(
    '/api/finance/floats/:sessionId',
    financeOnly(ctx, doc('A session cash float: issued, paid out, returned, difference')),
    async (req) => floatReport(db, param((req.params as { sessionId: string }).sessionId, 'session')),
  );
  app.post(
    '/api/finance/floats/:sessionId',
    financeOnly(ctx, doc('Record what the facilitator was issued and returned', FloatSchema)),
    async (req) => {
      const sessionId = param((req.params as { sessionId: string }).sessionId, 'session');
      const b = parseBody(FloatSchema, req.body);
      await recordFloat(db, sessionId, actorOf(req), b.issuedPence, b.returnedPence);
      return floatReport(db, sessionId);
    },
  );
  app.post(
    '/api/finance/floats/:sessionId/reconcile',
    financeOnly(ctx, doc('Reconcile a session cash float', ReconcileSchema)),
    async (req) =>
      reconcileFloat(
        db,
        param((req.params as { sessionId: string }).sessionId, 'session'),
        actorOf(req),
        parseBody(ReconcileSchema, req.body).reason,
      ),
  );
  app.get(
    '/api/finance/engagements/:id/totals',
    financeOnly(ctx, doc('Claimed, approved and paid by category and payment method')),
    async (req) => totals(db, param((req.params as { id: string }).id, 'engagement')),
  );
  app.get('/api/finance/engagements/:id/totals.csv', financeOnly(ctx, doc('The totals as CSV')), async (req, reply) => {
    const id = param((req.params as { id: string }).id, 'engagement');
    const t = await totals(db, id);
    await audit(db, { actor: actorOf(req), action: 'export.claim_totals', subject: `engagement:${id}`, at: new Date().toISOString() });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="claims-totals.csv"')
      .send(totalsCsv(t));
  });
}
