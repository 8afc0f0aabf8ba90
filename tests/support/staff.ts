/** Staff accounts and sessions for inject tests, without going through argon2 for every role. */
import type { Role } from '../../src/server/auth/roles';
import { createSession, SESSION_COOKIE } from '../../src/server/auth/sessions';
import type { TestServer } from './app';

export const ORIGIN = 'http://localhost:80';

/** A user with these roles (password hashing skipped: tests of sign-in use the real route). */
export async function staffCookie(s: TestServer, roles: Role[], email = `${roles.join('-') || 'none'}-${crypto.randomUUID()}@example.org`) {
  const id = crypto.randomUUID();
  await s.database.db
    .insertInto('staff_users')
    .values({
      id,
      email,
      name: email,
      password_hash: 'x',
      roles_json: JSON.stringify(roles),
      created_at: new Date().toISOString(),
      disabled_at: null,
    })
    .execute();
  const token = await createSession(s.database.db, id);
  return { id, email, actor: `staff:${email}`, cookie: `${SESSION_COOKIE}=${token}` };
}
