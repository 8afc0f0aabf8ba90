/** Staff sessions: a random token in an HttpOnly, SameSite=Strict cookie; the database keeps its hash. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { hashToken, randomToken } from '../keys';
import { parseRoles, type Role } from './roles';

export const SESSION_COOKIE = 'blether_session';
export const SESSION_HOURS = 12;

export interface StaffPrincipal {
  userId: string;
  email: string;
  name: string;
  roles: Role[];
  tokenHash: string;
}

export async function createSession(db: Kysely<DB>, userId: string, now = new Date()): Promise<string> {
  const token = randomToken(32);
  // expired sessions are useless; clearing them here keeps the table small without a separate job
  await db.deleteFrom('staff_sessions').where('expires_at', '<=', now.toISOString()).execute();
  await db
    .insertInto('staff_sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    })
    .execute();
  return token;
}

export async function findSession(db: Kysely<DB>, token: string | undefined, now = new Date()): Promise<StaffPrincipal | null> {
  if (!token || token.length > 128) return null;
  const row = await db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.roles_json', 'u.disabled_at', 's.expires_at', 's.token_hash'])
    .where('s.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || row.disabled_at || row.expires_at <= now.toISOString()) return null;
  return { userId: row.id, email: row.email, name: row.name, roles: parseRoles(row.roles_json), tokenHash: row.token_hash };
}

export async function endSession(db: Kysely<DB>, tokenHash: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('token_hash', '=', tokenHash).execute();
}

export async function endAllSessions(db: Kysely<DB>, userId: string): Promise<void> {
  await db.deleteFrom('staff_sessions').where('user_id', '=', userId).execute();
}

function isHttps(req: FastifyRequest, publicOrigin: string | undefined): boolean {
  return req.protocol === 'https' || (publicOrigin?.startsWith('https:') ?? false);
}

export function setSessionCookie(reply: FastifyReply, req: FastifyRequest, token: string, publicOrigin: string | undefined): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: isHttps(req, publicOrigin),
    maxAge: SESSION_HOURS * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, req: FastifyRequest, publicOrigin: string | undefined): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: isHttps(req, publicOrigin) });
}
