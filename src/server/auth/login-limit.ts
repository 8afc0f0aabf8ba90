/**
 * Sign-in limits. Per client (the address, or behind TRUST_PROXY the forwarded one), all attempts together,
 * and per account from that client: so bad guesses at one account lock neither that account for other
 * clients nor other accounts for this client. Counted in the shared rate-limit store like every limit.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from '../errors';

/** every sign-in attempt from one client, whichever account: room for a few people behind one address */
export const LOGIN_PER_CLIENT = { max: 30, timeWindow: '1 minute' };
/** attempts at one account from one client */
export const LOGIN_PER_ACCOUNT = { max: 10, timeWindow: '1 minute' };

/** the typed account, hashed so the counter's key holds no email address */
function accountOf(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | null)?.email;
  if (typeof email !== 'string') return undefined;
  return createHash('sha256').update(email.trim().toLowerCase().slice(0, 200)).digest('base64url').slice(0, 22);
}

/** A preHandler (the body is parsed by then) that refuses a client's eleventh attempt at one account. */
export function perAccountLimit(app: FastifyInstance) {
  const check = app.createRateLimit({
    ...LOGIN_PER_ACCOUNT,
    keyGenerator: (req: FastifyRequest) => `staff-login account ${accountOf(req.body)} ${req.ip}`,
  });
  return async (req: FastifyRequest) => {
    if (accountOf(req.body) === undefined) return; // not a sign-in at all: the handler answers 400
    const result = await check(req);
    if (!result.isAllowed && result.isExceeded)
      throw new HttpError(
        429,
        'rate_limited',
        `Too many sign-in attempts for this account. Wait ${Math.max(1, Math.ceil(result.ttl / 1000))} seconds and try again.`,
      );
  };
}
