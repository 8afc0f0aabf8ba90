/** The feedback feature's routes, loaded lazily (never part of a participant's first load). */
import { FeedbackPage } from './FeedbackPage';
import { Lookup } from './Lookup';

export function FeedbackRoute({ params }: { params: { slug: string } }) {
  return <FeedbackPage slug={params.slug} />;
}

export function LookupRoute() {
  return <Lookup />;
}
