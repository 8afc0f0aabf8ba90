import { ErrorBoundary, LocationProvider, lazy, Route, Router } from 'preact-iso';
import { Enrol } from '../features/facilitate/Enrol';
import { Home } from '../features/facilitate/Home';
import { Journey } from '../features/participate/Journey';
import { t } from '../i18n/index';
import { Shell } from './Shell';

// the facilitator's queue screen is not needed on a participant's first load
const Queue = lazy(() => import('../features/facilitate/Queue').then((m) => m.Queue));

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
            <Route path="/queue" component={Queue} />
            <Route path="/p/:slug" component={JourneyRoute} />
            <Route default component={NotFound} />
          </Router>
        </Shell>
      </ErrorBoundary>
    </LocationProvider>
  );
}
