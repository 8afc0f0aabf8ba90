/** The finance screens of the staff web, each at its own address under /staff/finance. */
import { Page } from '../ui';
import { ClaimReview } from './ClaimReview';
import { ClaimsList } from './ClaimsList';
import { Floats } from './Floats';
import { Run } from './Run';
import { Runs } from './Runs';
import { Totals } from './Totals';

export function FinancePage({ screen, id }: { screen: string; id?: string }) {
  if (screen === 'claims') return id ? <ClaimReview id={id} /> : <ClaimsList />;
  if (screen === 'runs') return id ? <Run id={id} /> : <Runs />;
  if (screen === 'floats') return <Floats />;
  if (screen === 'totals') return <Totals />;
  return (
    <Page title="Page not found">
      <p>
        There is no finance page here. <a href="/staff/finance/claims">Go to claims</a>.
      </p>
    </Page>
  );
}
