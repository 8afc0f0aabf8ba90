import * as v from 'valibot';
import { auditRequest, staffOnly } from '../auth/guard';
import { ROLES } from '../auth/roles';
import { createUser, listUsers, updateUser } from '../auth/users';
import type { AppContext } from '../context';
import { bodyDoc } from '../openapi';
import { parseBody } from '../validate';
import { EmailSchema, NameSchema, PasswordSchema } from './staff-auth';

const RolesSchema = v.pipe(v.array(v.picklist(ROLES, 'Unknown role')), v.minLength(1, 'Choose at least one role'));
const CreateSchema = v.strictObject({ email: EmailSchema, name: NameSchema, password: PasswordSchema, roles: RolesSchema });
const PatchSchema = v.pipe(
  v.strictObject({ roles: v.optional(RolesSchema), disabled: v.optional(v.boolean()) }),
  // an empty change would be an UPDATE with nothing to set, which the database refuses
  v.check((p) => p.roles !== undefined || p.disabled !== undefined, 'Change the roles, or disable or enable the account'),
);
const IdParam = v.strictObject({ id: v.pipe(v.string(), v.uuid('Not an account id')) });

export default async function staffUsers(ctx: AppContext) {
  const { app, database } = ctx;
  const admin = ['admin'] as const;
  app.get('/api/staff/users', staffOnly(ctx, admin, { schema: { summary: 'Staff accounts' } }), async () => ({
    users: await listUsers(database.db),
  }));
  app.post(
    '/api/staff/users',
    staffOnly(ctx, admin, { bodyLimit: 4096, schema: { summary: 'Add a staff account', body: bodyDoc(CreateSchema) } }),
    async (req, reply) => {
      const user = await createUser(database.db, parseBody(CreateSchema, req.body));
      await auditRequest(ctx, req, 'account.created', `staff:${user.id}`, { detail: { roles: user.roles } });
      return reply.code(201).send({ user });
    },
  );
  app.patch(
    '/api/staff/users/:id',
    staffOnly(ctx, admin, {
      bodyLimit: 4096,
      schema: { summary: 'Change roles, disable or enable an account', body: bodyDoc(PatchSchema) },
    }),
    async (req) => {
      const { id } = parseBody(IdParam, req.params);
      const change = parseBody(PatchSchema, req.body);
      const user = await updateUser(database.db, req.staff?.userId ?? '', id, change);
      await auditRequest(ctx, req, change.roles ? 'account.roles_changed' : 'account.updated', `staff:${id}`, { detail: change });
      return { user };
    },
  );
}
