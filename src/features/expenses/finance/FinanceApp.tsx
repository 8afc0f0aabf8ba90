/**
 * Finance staff screens (online, English only, lazy-loaded at /finance: never on a participant's first
 * load). Claims and review, payment runs, cash floats and totals. The server checks the finance role.
 */
import { useState } from 'preact/hooks';
import { ClaimReview } from './ClaimReview';
import { ClaimsList } from './ClaimsList';
import { Floats, Payments, Totals } from './Payments';
import './finance.css';

type View = { kind: 'claims' } | { kind: 'claim'; id: string } | { kind: 'payments' } | { kind: 'floats' } | { kind: 'totals' };

export function FinanceApp() {
  const [view, setView] = useState<View>({ kind: 'claims' });
  const tab = (kind: 'claims' | 'payments' | 'floats' | 'totals', label: string) => (
    <li>
      <button
        type="button"
        class="button link"
        aria-current={view.kind === kind ? 'page' : undefined}
        onClick={() => setView({ kind } as View)}
      >
        {label}
      </button>
    </li>
  );
  return (
    <div class="finance">
      <nav aria-label="Finance">
        <ul class="finance-tabs">
          {tab('claims', 'Claims')}
          {tab('payments', 'Payment runs')}
          {tab('floats', 'Cash floats')}
          {tab('totals', 'Totals')}
        </ul>
      </nav>
      {view.kind === 'claims' && <ClaimsList onOpen={(id) => setView({ kind: 'claim', id })} />}
      {view.kind === 'claim' && <ClaimReview id={view.id} onBack={() => setView({ kind: 'claims' })} />}
      {view.kind === 'payments' && <Payments />}
      {view.kind === 'floats' && <Floats />}
      {view.kind === 'totals' && <Totals />}
    </div>
  );
}

export function Problem({ error }: { error: unknown }) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div class="error-summary" role="alert">
      <p>{message}</p>
      {message.startsWith('Sign in') && <a href="/staff">Go to staff sign-in</a>}
    </div>
  );
}
