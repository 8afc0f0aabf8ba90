/** Admin: staff accounts, their roles (several per person), and disabling an account. */
import { useEffect, useState } from 'preact/hooks';
import { TableRegion } from '../../ui/TableRegion';
import { api, me, ROLES, type Role } from './api';
import { Field, Page, Problem, Saved, when } from './ui';

interface User {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  createdAt: string;
  disabledAt: string | null;
}

function RoleChecks({ idPrefix, value, onChange }: { idPrefix: string; value: Role[]; onChange: (r: Role[]) => void }) {
  return (
    <fieldset class="staff-roles">
      <legend>Roles</legend>
      {ROLES.map((r) => (
        <div class="checkbox" key={r}>
          <input
            type="checkbox"
            id={`${idPrefix}-${r}`}
            checked={value.includes(r)}
            onChange={(e) => onChange(e.currentTarget.checked ? [...value, r] : value.filter((x) => x !== r))}
          />
          <label for={`${idPrefix}-${r}`}>{r}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function Users() {
  const [users, setUsers] = useState<User[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [form, setForm] = useState({ name: '', email: '', password: '', roles: ['organiser'] as Role[] });
  const load = () =>
    api<{ users: User[] }>('GET', '/api/staff/users')
      .then((r) => setUsers(r.users))
      .catch((e) => setProblem(e.message));
  useEffect(() => void load(), []);

  const act = async (run: () => Promise<unknown>, done: string) => {
    setProblem(null);
    try {
      await run();
      setStatus(done);
      await load();
    } catch (e) {
      setProblem((e as Error).message);
    }
  };

  return (
    <Page title="Staff accounts">
      <Problem message={problem} />
      <Saved message={status} />
      <TableRegion class="staff-table" caption="Everyone with a staff account">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Roles</th>
            <th scope="col">Status</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {(users ?? []).map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{u.roles.join(', ')}</td>
              <td>{u.disabledAt ? `Disabled ${when(u.disabledAt)}` : 'Active'}</td>
              <td>
                {u.id !== me.value?.id && (
                  <button
                    type="button"
                    class="button secondary small"
                    onClick={() =>
                      void act(
                        () => api('PATCH', `/api/staff/users/${u.id}`, { disabled: !u.disabledAt }),
                        `${u.name} ${u.disabledAt ? 'can sign in again' : 'is disabled and signed out everywhere'}.`,
                      )
                    }
                  >
                    {u.disabledAt ? 'Enable' : 'Disable'} <span class="visually-hidden">{u.name}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
      <h2>Add a person</h2>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void act(async () => {
            await api('POST', '/api/staff/users', form);
            setForm({ name: '', email: '', password: '', roles: ['organiser'] });
          }, `Account made for ${form.name}.`);
        }}
      >
        <Field id="user-name" label="Name" value={form.name} onInput={(name) => setForm({ ...form, name })} />
        <Field id="user-email" label="Email address" type="email" value={form.email} onInput={(email) => setForm({ ...form, email })} />
        <Field
          id="user-password"
          label="First password"
          hint="At least 12 characters. Give it to them in person."
          type="password"
          autoComplete="new-password"
          value={form.password}
          onInput={(password) => setForm({ ...form, password })}
        />
        <RoleChecks idPrefix="new-role" value={form.roles} onChange={(roles) => setForm({ ...form, roles })} />
        <button type="submit" class="button primary">
          Add account
        </button>
      </form>
    </Page>
  );
}
