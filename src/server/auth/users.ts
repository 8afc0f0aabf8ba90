/** Staff accounts: first-run setup, creation by an admin, roles, disabling, sign-in. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import { HttpError } from '../errors';
import { hashToken, randomToken } from '../keys';
import { hashPassword, verifyPassword } from './passwords';
import { parseRoles, type Role } from './roles';
import { endAllSessions } from './sessions';

export const SETUP_HOURS = 24;

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  createdAt: string;
  disabledAt: string | null;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function hasStaff(db: Kysely<DB>): Promise<boolean> {
  return !!(await db.selectFrom('staff_users').select('id').limit(1).executeTakeFirst());
}

/** A one-time link for the first admin; only its hash is stored. Printed on start while nobody has an account. */
export async function createSetupToken(db: Kysely<DB>, now = new Date()): Promise<string> {
  const token = randomToken(24);
  await db
    .insertInto('setup_tokens')
    .values({
      token_hash: hashToken(token),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SETUP_HOURS * 3_600_000).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

export async function createUser(
  db: Kysely<DB>,
  input: { email: string; name: string; password: string; roles: Role[] },
  now = new Date(),
): Promise<StaffUser> {
  const email = normaliseEmail(input.email);
  const exists = await db.selectFrom('staff_users').select('id').where('email', '=', email).executeTakeFirst();
  if (exists) throw new HttpError(409, 'email_taken', 'Someone already has an account with that email address.');
  const user = {
    id: crypto.randomUUID(),
    email,
    name: input.name,
    roles: [...new Set(input.roles)],
    createdAt: now.toISOString(),
    disabledAt: null,
  };
  await db
    .insertInto('staff_users')
    .values({
      id: user.id,
      email,
      name: input.name,
      password_hash: await hashPassword(input.password),
      roles_json: JSON.stringify(user.roles),
      created_at: user.createdAt,
      disabled_at: null,
    })
    .execute();
  return user;
}

/** Uses the setup link once, and only while no account exists. */
export async function firstAdmin(
  db: Kysely<DB>,
  input: { token: string; email: string; name: string; password: string },
  now = new Date(),
): Promise<StaffUser> {
  const invalid = new HttpError(400, 'setup_invalid', 'This setup link has been used or has expired. Restart the server for a new one.');
  const nowIso = now.toISOString();
  const row = await db.selectFrom('setup_tokens').selectAll().where('token_hash', '=', hashToken(input.token)).executeTakeFirst();
  if (!row || row.used_at || row.expires_at <= nowIso || (await hasStaff(db))) throw invalid;
  const claimed = await db
    .updateTable('setup_tokens')
    .set({ used_at: nowIso })
    .where('token_hash', '=', row.token_hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw invalid;
  return createUser(db, { ...input, roles: ['admin'] }, now);
}

export async function checkLogin(db: Kysely<DB>, email: string, password: string): Promise<StaffUser> {
  const row = await db.selectFrom('staff_users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
  const ok = await verifyPassword(row?.password_hash ?? null, password);
  if (!row || !ok || row.disabled_at) {
    throw new HttpError(401, 'login_failed', 'That email and password do not match an account that is in use.');
  }
  return toUser(row);
}

function toUser(r: DB['staff_users']): StaffUser {
  return { id: r.id, email: r.email, name: r.name, roles: parseRoles(r.roles_json), createdAt: r.created_at, disabledAt: r.disabled_at };
}

export async function listUsers(db: Kysely<DB>): Promise<StaffUser[]> {
  return (await db.selectFrom('staff_users').selectAll().orderBy('created_at').execute()).map(toUser);
}

export async function updateUser(
  db: Kysely<DB>,
  actorId: string,
  id: string,
  patch: { roles?: Role[]; disabled?: boolean },
  now = new Date(),
): Promise<StaffUser> {
  const row = await db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new HttpError(404, 'not_found', 'There is no such account.');
  if (id === actorId && (patch.disabled || (patch.roles && !patch.roles.includes('admin')))) {
    throw new HttpError(400, 'own_account', 'You cannot disable your own account or remove your own admin role.');
  }
  await db
    .updateTable('staff_users')
    .set({
      ...(patch.roles ? { roles_json: JSON.stringify([...new Set(patch.roles)]) } : {}),
      ...(patch.disabled === undefined ? {} : { disabled_at: patch.disabled ? now.toISOString() : null }),
    })
    .where('id', '=', id)
    .execute();
  // a disabled account is signed out everywhere at once
  if (patch.disabled) await endAllSessions(db, id);
  return toUser(await db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}
