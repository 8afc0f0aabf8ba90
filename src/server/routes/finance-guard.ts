/**
 * The finance role check for every finance route. Staff accounts and sessions come from issue 6
 * (src/server/auth); until they are on main this guard refuses everyone, so no finance endpoint is ever
 * open. Switch `requireRole` to the staff guard when it lands.
 */
import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { AppContext } from '../context';
import { HttpError } from '../errors';

declare module 'fastify' {
  interface FastifyRequest {
    financeActor?: string;
  }
}

export function requireRole(_ctx: AppContext, _role: 'finance') {
  return async (_req: FastifyRequest, _reply: FastifyReply) => {
    throw new HttpError(401, 'not_signed_in', 'Sign in as finance staff to use this.');
  };
}

export function financeOnly(ctx: AppContext, extra: RouteShorthandOptions = {}): RouteShorthandOptions {
  return { ...extra, preHandler: requireRole(ctx, 'finance') };
}

/** Who is acting, for the audit log. */
export const actorOf = (req: FastifyRequest) => req.financeActor ?? 'unknown';
