/**
 * The staff web, lazy-loaded under /staff: never part of a participant's first load, and not precached
 * by the service worker (vite.config.ts ignores manage-*.js).
 */

import { useEffect } from 'preact/hooks';
import { focusHeading } from '../../a11y/focus';
import { useLocation } from '../../ui/router';
import { addStyles } from '../../ui/styles';
import { Login, Setup } from './Account';
import { Audit } from './Audit';
import { api, hasRole, loadMe, me } from './api';
import { Builder } from './Builder';
import { StaffCredits } from './Credits';
import { Devices } from './Devices';
import { Engagements } from './Engagements';
import { Erasure } from './Erasure';
import { FinancePage } from './finance/FinancePage';
import { Held } from './Held';
import { Insight } from './insight/Insight';
import { PaperEntry } from './PaperEntry';
import staffCss from './staff.css?url';
import { Users } from './Users';
import { Page } from './ui';

void addStyles(staffCss);

function Nav() {
  const { path, route } = useLocation();
  const links: [string, string, boolean][] = [
    ['/staff', 'Start', true],
    ['/staff/engagements', 'Engagements', hasRole('organiser', 'analyst')],
    ['/staff/insight', 'Insight', hasRole('organiser', 'analyst')],
    ['/staff/devices', 'Devices', hasRole('organiser')],
    ['/staff/users', 'Staff accounts', hasRole('admin')],
    ['/staff/erasure', 'Erase personal data', hasRole('admin')],
    ['/staff/held', 'Bundles to repair', hasRole('admin', 'organiser')],
    ['/staff/finance/claims', 'Claims', hasRole('finance')],
    ['/staff/finance/runs', 'Payment runs', hasRole('finance')],
    ['/staff/finance/floats', 'Cash floats', hasRole('finance')],
    ['/staff/finance/totals', 'Totals', hasRole('finance')],
    ['/staff/audit', 'Audit log', hasRole('admin')],
  ];
  const signOut = async (everywhere: boolean) => {
    await api('POST', everywhere ? '/api/staff/logout-everywhere' : '/api/staff/logout', {}).catch(() => {});
    me.value = null;
    route('/staff/login');
  };
  return (
    <nav aria-label="Staff" class="staff-nav">
      <ul>
        {links
          .filter(([, , show]) => show)
          .map(([href, name]) => (
            <li key={href}>
              <a href={href} aria-current={path === href || (href !== '/staff' && path.startsWith(href)) ? 'page' : undefined}>
                {name}
              </a>
            </li>
          ))}
      </ul>
      <p>
        Signed in as {me.value?.name} ({me.value?.roles.join(', ')}).{' '}
        <button type="button" class="button link" onClick={() => void signOut(false)}>
          Sign out
        </button>{' '}
        <button type="button" class="button link" onClick={() => void signOut(true)}>
          Sign out everywhere
        </button>
      </p>
    </nav>
  );
}

function Start() {
  return (
    <Page title="Staff pages">
      <p>Hello {me.value?.name}. Choose what to do from the menu.</p>
      {me.value?.roles.length === 0 && <p>Your account has no role yet. Ask an admin to give you one.</p>}
    </Page>
  );
}

function Body({ path }: { path: string }) {
  const parts = path.split('/').filter(Boolean).slice(1);
  const [section, id, tab, rest] = parts;
  if (section === 'users') return <Users />;
  if (section === 'credits') return <StaffCredits />;
  if (section === 'erasure') return <Erasure />;
  if (section === 'held') return <Held />;
  if (section === 'audit') return <Audit />;
  if (section === 'finance') return <FinancePage screen={id ?? 'claims'} id={tab} />;
  if (section === 'insight') return <Insight id={id} tab={tab ?? 'results'} />;
  if (section === 'devices') return <Devices />;
  if (section === 'engagements' && id && tab === 'paper') return <PaperEntry id={id} />;
  if (section === 'engagements' && id) return <Builder id={id} tab={tab ?? 'details'} rest={rest ?? ''} />;
  if (section === 'engagements') return <Engagements />;
  return <Start />;
}

export default function StaffApp() {
  const { path } = useLocation();
  useEffect(() => {
    if (me.value === undefined) void loadMe();
  }, []);
  useEffect(() => {
    focusHeading(document.getElementById('main') ?? document);
  }, [path]);
  if (path.startsWith('/staff/setup')) return <Setup />;
  if (me.value === undefined) return <p>Loading…</p>;
  if (me.value === null) return <Login />;
  return (
    <div class="staff">
      <Nav />
      <Body path={path} />
    </div>
  );
}
