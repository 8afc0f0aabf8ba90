/** The audit log for admins (DESIGN.md, security): read it with filters and paging, and export it as CSV. */
import * as v from 'valibot';
import { auditRequest, staffOnly } from '../auth/guard';
import type { AppContext } from '../context';
import { toCsv } from '../insight/csv';
import { readAudit } from '../services/audit-log';
import { parseBody } from '../validate';

const When = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/, 'Dates are YYYY-MM-DD or an ISO instant in UTC'));
const Filter = {
  who: v.optional(v.pipe(v.string(), v.maxLength(260))),
  action: v.optional(v.pipe(v.string(), v.maxLength(80))),
  subject: v.optional(v.pipe(v.string(), v.maxLength(200))),
  from: v.optional(When),
  to: v.optional(When),
};
const Digits = (max: number) => v.pipe(v.string(), v.regex(/^\d{1,7}$/, 'Use a whole number'), v.transform(Number), v.maxValue(max));
const ListQuery = v.strictObject({ ...Filter, offset: v.optional(Digits(10_000_000), '0'), limit: v.optional(Digits(500), '100') });
const ExportQuery = v.strictObject(Filter);
const EXPORT_MAX = 50_000;

export default async function adminAudit(ctx: AppContext) {
  const { app, database } = ctx;
  const admin = ['admin'] as const;
  app.get(
    '/api/admin/audit',
    staffOnly(ctx, admin, {
      schema: { summary: 'The audit log, newest first: filter by who, action (or "claim." for a family), subject, from, to' },
    }),
    async (req) => {
      const { offset, limit, ...filter } = parseBody(ListQuery, req.query);
      return readAudit(database.db, filter, offset, limit);
    },
  );
  app.get(
    '/api/admin/audit.csv',
    staffOnly(ctx, admin, { schema: { summary: 'The audit log as CSV, with the same filters (the export is itself audited)' } }),
    async (req, reply) => {
      const filter = parseBody(ExportQuery, req.query);
      const { events } = await readAudit(database.db, filter, 0, EXPORT_MAX);
      await auditRequest(ctx, req, 'export.audit', 'audit', { detail: { filter, rows: events.length } });
      const rows = events.map((e) => [e.at, e.actor, e.action, e.subject, e.reason, e.detail === null ? '' : JSON.stringify(e.detail)]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-log.csv"')
        .send(toCsv(['at', 'actor', 'action', 'subject', 'reason', 'detail'], rows));
    },
  );
}
