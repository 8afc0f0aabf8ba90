/** Route guards for staff: session cookie, role, and Origin on every state-changing request. */
import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { AppContext } from '../context';
import { HttpError } from '../errors';
import { type AuditEntry, audit } from '../services/audit';
import type { Access, Role } from './roles';
import { findSession, SESSION_COOKIE, type StaffPrincipal } from './sessions';

declare module 'fastify' {
  interface FastifyRequest {
    staff?: StaffPrincipal;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Refuses a state-changing request whose Origin is missing or not this server's (CSRF defence). */
export function checkOrigin(req: FastifyRequest, publicOrigin: string | undefined): void {
  if (SAFE.has(req.method)) return;
  const expected = publicOrigin ?? `${req.protocol}://${req.host}`;
  if (req.headers.origin !== expected) {
    throw new HttpError(403, 'bad_origin', 'This request did not come from the staff pages of this server. Reload the page and try again.');
  }
}

export function requireStaff(ctx: AppContext, roles: readonly Role[] | 'any') {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    const staff = await findSession(ctx.database.db, req.cookies?.[SESSION_COOKIE]);
    if (!staff) throw new HttpError(401, 'not_signed_in', 'Sign in to use the staff pages.');
    if (roles !== 'any' && !staff.roles.some((r) => roles.includes(r))) {
      throw new HttpError(403, 'forbidden', `This needs the ${roles.join(' or ')} role. Ask an admin.`);
    }
    checkOrigin(req, ctx.config.publicOrigin);
    req.staff = staff;
  };
}

/** Route options for a staff endpoint: declares its access (for the matrix test) and guards it. */
export function staffOnly(ctx: AppContext, roles: readonly Role[] | 'any', extra: RouteShorthandOptions = {}): RouteShorthandOptions {
  const access: Access = { kind: 'staff', roles };
  const who = roles === 'any' ? 'any signed-in staff' : `role: ${roles.join(' or ')}`;
  const schema = { ...(extra.schema ?? {}), security: [{ staff: [] }] } as Record<string, unknown>;
  schema.description = `Staff session cookie; ${who}; Origin checked on state changes.`;
  return { ...extra, schema, config: { ...(extra.config ?? {}), access }, preHandler: requireStaff(ctx, roles) };
}

export const publicRoute = (extra: RouteShorthandOptions = {}): RouteShorthandOptions => ({
  ...extra,
  config: { ...(extra.config ?? {}), access: { kind: 'public' } },
});

/** Who is acting, for the audit log: the staff member, by the email they sign in with. */
export const actorOf = (req: FastifyRequest) => `staff:${req.staff?.email ?? 'unknown'}`;

/** Writes the audit entry of a staff request: the signed-in person, now. */
export const auditRequest = (
  ctx: AppContext,
  req: FastifyRequest,
  action: string,
  subject: string,
  extra: Pick<AuditEntry, 'reason' | 'detail'> = {},
) => audit(ctx.database.db, { actor: actorOf(req), action, subject, at: new Date().toISOString(), ...extra });
