import * as v from 'valibot';
import { auditRequest, checkOrigin, publicRoute, staffOnly } from '../auth/guard';
import { LOGIN_PER_CLIENT, perAccountLimit } from '../auth/login-limit';
import { PASSWORD_RULE } from '../auth/passwords';
import { clearSessionCookie, createSession, endAllSessions, endSession, setSessionCookie } from '../auth/sessions';
import { checkLogin, firstAdmin, hasStaff } from '../auth/users';
import type { AppContext } from '../context';
import { bodyDoc } from '../openapi';
import { audit } from '../services/audit';
import { parseBody } from '../validate';

export const EmailSchema = v.pipe(v.string(), v.trim(), v.email('Enter an email address like name@example.org'), v.maxLength(200));
export const PasswordSchema = v.pipe(
  v.string(),
  v.minLength(PASSWORD_RULE.min, `Use at least ${PASSWORD_RULE.min} characters for the password`),
  v.maxLength(PASSWORD_RULE.max, `Use at most ${PASSWORD_RULE.max} characters for the password`),
);
export const NameSchema = v.pipe(v.string(), v.trim(), v.minLength(1, 'Enter a name'), v.maxLength(100, 'Use at most 100 characters'));

const SetupSchema = v.strictObject({
  token: v.pipe(v.string(), v.minLength(1, 'The setup link is incomplete'), v.maxLength(100)),
  email: EmailSchema,
  name: NameSchema,
  password: PasswordSchema,
});
const LoginSchema = v.strictObject({
  email: v.pipe(v.string(), v.maxLength(200)),
  password: v.pipe(v.string(), v.maxLength(PASSWORD_RULE.max)),
});

export default async function staffAuth(ctx: AppContext) {
  const { app, database, config } = ctx;
  const db = database.db;
  const limited = { rateLimit: { max: 10, timeWindow: '1 minute' } };

  app.get('/api/staff/setup', publicRoute({ schema: { summary: 'Whether the first admin account still needs making' } }), async () => ({
    needed: !(await hasStaff(db)),
  }));

  app.post(
    '/api/staff/setup',
    publicRoute({
      config: limited,
      bodyLimit: 4096,
      schema: { summary: 'Make the first admin with the one-time setup link', body: bodyDoc(SetupSchema) },
    }),
    async (req, reply) => {
      checkOrigin(req, config.publicOrigin);
      const body = parseBody(SetupSchema, req.body);
      const user = await firstAdmin(db, body);
      await audit(db, {
        actor: `staff:${user.email}`,
        action: 'account.first_admin',
        subject: `staff:${user.id}`,
        at: new Date().toISOString(),
      });
      setSessionCookie(reply, req, await createSession(db, user.id), config.publicOrigin);
      return { user };
    },
  );

  app.post(
    '/api/staff/login',
    publicRoute({
      config: { rateLimit: LOGIN_PER_CLIENT },
      preHandler: perAccountLimit(app),
      bodyLimit: 4096,
      schema: { summary: 'Sign in: sets the session cookie', body: bodyDoc(LoginSchema) },
    }),
    async (req, reply) => {
      checkOrigin(req, config.publicOrigin);
      const body = parseBody(LoginSchema, req.body);
      const at = new Date().toISOString();
      // who tried is what they typed: cut short, as it may not be an account at all
      const who = `staff:${body.email.trim().toLowerCase().slice(0, 200)}`;
      const user = await checkLogin(db, body.email, body.password).catch(async (err: unknown) => {
        await audit(db, { actor: who, action: 'staff.sign_in_failed', subject: who, at });
        throw err;
      });
      await audit(db, { actor: `staff:${user.email}`, action: 'staff.sign_in', subject: `staff:${user.id}`, at });
      setSessionCookie(reply, req, await createSession(db, user.id), config.publicOrigin);
      return { user };
    },
  );

  app.get('/api/staff/me', staffOnly(ctx, 'any', { schema: { summary: 'The signed-in person and their roles' } }), async (req) => {
    const s = req.staff;
    return { user: { id: s?.userId, email: s?.email, name: s?.name, roles: s?.roles } };
  });

  app.post('/api/staff/logout', staffOnly(ctx, 'any', { schema: { summary: 'Sign out this session' } }), async (req, reply) => {
    await endSession(db, req.staff?.tokenHash ?? '');
    await auditRequest(ctx, req, 'staff.sign_out', `staff:${req.staff?.userId}`);
    clearSessionCookie(reply, req, config.publicOrigin);
    return { ok: true };
  });

  app.post(
    '/api/staff/logout-everywhere',
    staffOnly(ctx, 'any', { schema: { summary: 'Sign out every session of this person' } }),
    async (req, reply) => {
      await endAllSessions(db, req.staff?.userId ?? '');
      await auditRequest(ctx, req, 'staff.sign_out_everywhere', `staff:${req.staff?.userId}`);
      clearSessionCookie(reply, req, config.publicOrigin);
      return { ok: true };
    },
  );
}
