/** First-run setup (from the printed one-time link) and sign-in. */
import { useState } from 'preact/hooks';
import { useLocation } from '../../ui/router';
import { api, type Me, me } from './api';
import { Field, Page, Problem } from './ui';

function useSubmit(run: () => Promise<void>) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await run();
    } catch (err) {
      setProblem((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { problem, busy, submit };
}

export function Login() {
  const { route } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { problem, busy, submit } = useSubmit(async () => {
    me.value = (await api<{ user: Me }>('POST', '/api/staff/login', { email, password })).user;
    route('/staff');
  });
  return (
    <Page title="Staff sign in">
      <Problem message={problem} />
      <form onSubmit={submit} noValidate>
        <Field id="login-email" label="Email address" type="email" autoComplete="username" value={email} onInput={setEmail} />
        <Field
          id="login-password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={password}
          onInput={setPassword}
        />
        <button type="submit" class="button primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </Page>
  );
}

export function Setup() {
  const { route } = useLocation();
  const token = /token=([\w-]+)/.exec(location.hash)?.[1] ?? '';
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { problem, busy, submit } = useSubmit(async () => {
    me.value = (await api<{ user: Me }>('POST', '/api/staff/setup', { token, name, email, password })).user;
    // the token must not stay in the address bar or history
    history.replaceState(null, '', '/staff');
    route('/staff', true);
  });
  return (
    <Page title="Set up the first admin account">
      <p>This link works once. The account you make here can create everyone else's.</p>
      {!token && <p class="error-message">This page needs the setup link the server printed when it started.</p>}
      <Problem message={problem} />
      <form onSubmit={submit} noValidate>
        <Field id="setup-name" label="Your name" autoComplete="name" value={name} onInput={setName} />
        <Field id="setup-email" label="Email address" type="email" autoComplete="username" value={email} onInput={setEmail} />
        <Field
          id="setup-password"
          label="Password"
          hint="At least 12 characters. A few unrelated words are easy to remember and hard to guess."
          type="password"
          autoComplete="new-password"
          value={password}
          onInput={setPassword}
        />
        <button type="submit" class="button primary" disabled={busy || !token}>
          Create admin account
        </button>
      </form>
    </Page>
  );
}
