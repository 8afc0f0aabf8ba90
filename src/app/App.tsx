// This module is in the first load: keep it small, and import() what the first screen does not need.
import { useEffect } from 'preact/hooks';
import { identity } from '../device/device';
import { FacilitatorOnly, HandOverGate } from '../features/facilitate/ParticipantGate';
import { t } from '../i18n/index';
import { LocationProvider, useLocation } from '../ui/router';
import { stylesLoaded } from '../ui/styles';
import { Home, Journey, screen, Welcome } from './routes';
import { Shell } from './Shell';
import { type RouteTable, Switch } from './switch';

// The staff web is its own chunk: never in a participant's first load.
const StaffApp = screen(() => import('../features/manage/manage-app').then(stylesLoaded).then((m) => m.default));
// Feedback and the reference lookup are public pages, each lazy.
const FeedbackRoute = screen(() => import('../features/feedback/routes').then(stylesLoaded).then((m) => m.FeedbackRoute));
const LookupRoute = screen(() => import('../features/feedback/routes').then(stylesLoaded).then((m) => m.LookupRoute));
// facilitator-only, so not in the participant's first load (precached all the same, so it works offline)
const Session = screen(() => import('../features/facilitate/Session').then((m) => m.Session));
const Queue = screen(() => import('../features/facilitate/Queue').then((m) => m.Queue));
// used once per device (and online only), or rarely: neither belongs in the first load
const Enrol = screen(() => import('../features/facilitate/Enrol').then((m) => m.Enrol));
const Credits = screen(() => import('../features/participate/steps/Credits').then((m) => m.Credits));

function NotFound() {
  return (
    <div>
      <h1>{t('app.notFound')}</h1>
      <p>
        <a href="/">{t('journey.backHome')}</a>
      </p>
    </div>
  );
}

// claims are not on a participant's first load
const ClaimOnly = screen(() => import('../features/expenses/ClaimOnly').then(stylesLoaded).then((m) => m.ClaimOnly));
function ClaimRoute({ params }: { params: { slug: string } }) {
  return <ClaimOnly slug={params.slug} />;
}

/** The finance screens moved into the staff web: old bookmarks land on its claims. */
function FinanceMoved() {
  const { route } = useLocation();
  useEffect(() => route('/staff/finance/claims', true), []);
  return null;
}
// Facilitator screens, in the facilitator's language (during a hand-over HandOverGate keeps them out of reach).
const guarded = (Screen: preact.ComponentType) => () => (
  <FacilitatorOnly>
    <Screen />
  </FacilitatorOnly>
);
// a device that is not set up shows only the welcome, without loading the facilitator's home
const GuardedHome = guarded(() => (identity.value === null ? <Welcome /> : <Home />));
const GuardedEnrol = guarded(Enrol);
const GuardedSession = guarded(Session);
const GuardedQueue = guarded(Queue);

function JourneyRoute({ params }: { params: { slug: string } }) {
  return <Journey slug={params.slug} />;
}

// a facilitator types in a paper form: the same journey, marked "from paper", never in participant mode
function PaperRoute({ params }: { params: { slug: string } }) {
  return (
    <FacilitatorOnly>
      <Journey slug={params.slug} paper />
    </FacilitatorOnly>
  );
}

const ROUTES: RouteTable = [
  ['/', GuardedHome],
  ['/enrol', GuardedEnrol],
  ['/session', GuardedSession],
  ['/queue', GuardedQueue],
  ['/p/:slug', JourneyRoute],
  ['/paper/:slug', PaperRoute],
  ['/feedback/:slug', FeedbackRoute],
  ['/lookup', LookupRoute],
  ['/claim/:slug', ClaimRoute],
  ['/finance', FinanceMoved],
  ['/finance/*', FinanceMoved],
  ['/credits', Credits],
  ['/staff/*', StaffApp],
  ['/staff', StaffApp],
];

/** During a hand-over only its own pages (and public ones) are reachable; anything else shows the PIN gate. */
function Routes() {
  const { path } = useLocation();
  return (
    <HandOverGate path={path}>
      <Switch routes={ROUTES} fallback={NotFound} />
    </HandOverGate>
  );
}

export function App() {
  return (
    <LocationProvider>
      <Shell>
        <Routes />
      </Shell>
    </LocationProvider>
  );
}
