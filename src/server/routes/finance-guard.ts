/**
 * The finance role check for every finance route: a signed-in staff session with the finance role
 * (src/server/auth), Origin checked on changes; never a device token. The acting person goes in the audit log.
 */
import type { RouteShorthandOptions } from 'fastify';
import { staffOnly } from '../auth/guard';
import type { AppContext } from '../context';

export function financeOnly(ctx: AppContext, extra: RouteShorthandOptions = {}): RouteShorthandOptions {
  return staffOnly(ctx, ['finance'], extra);
}

export { actorOf } from '../auth/guard';
