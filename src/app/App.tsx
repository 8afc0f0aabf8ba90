import { ErrorBoundary, LocationProvider, lazy, Route, Router } from 'preact-iso';
import { Enrol } from '../features/facilitate/Enrol';
import { Home } from '../features/facilitate/Home';
import { Journey } from '../features/participate/Journey';
import { t } from '../i18n/index';
import { Shell } from './Shell';

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
const ClaimOnly = lazy(() => import('../features/expenses/ClaimOnly').then((m) => m.ClaimOnly));
function ClaimRoute({ params }: { params: { slug: string } }) {
  return <ClaimOnly slug={params.slug} />;
}

// staff finance screens: online only, lazy
const FinanceApp = lazy(() => import('../features/expenses/finance/FinanceApp').then((m) => m.FinanceApp));

function JourneyRoute({ params }: { params: { slug: string } }) {
  return <Journey slug={params.slug} />;
}

export function App() {
  return (
    <LocationProvider>
      <ErrorBoundary>
        <Shell>
          <Router>
            <Route path="/" component={Home} />
            <Route path="/enrol" component={Enrol} />
            <Route path="/p/:slug" component={JourneyRoute} />
            <Route path="/claim/:slug" component={ClaimRoute} />
            <Route path="/finance" component={FinanceApp} />
            <Route default component={NotFound} />
          </Router>
        </Shell>
      </ErrorBoundary>
    </LocationProvider>
  );
}
