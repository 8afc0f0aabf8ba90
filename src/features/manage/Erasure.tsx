/** Admin: erase a participant's personal data by the reference code from their Done screen. */
import { useState } from 'preact/hooks';
import { api } from './api';
import { Field, Page, Problem, Saved } from './ui';

interface Preview {
  bundles: number;
  claims: { status: string; settled: boolean }[];
  contacts: number;
  blocked: boolean;
}
interface Summary {
  bundles: number;
  claims: number;
  withdrawnClaims: number;
  attachments: number;
  contacts: number;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function Erasure() {
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const run = async (step: () => Promise<void>) => {
    setProblem(null);
    setStatus(null);
    try {
      await step();
    } catch (e) {
      setProblem((e as Error).message);
    }
  };
  const check = () =>
    run(async () => {
      setPreview(await api<Preview>('POST', '/api/staff/erasures/preview', { reference }));
    });
  const erase = () =>
    run(async () => {
      const s = await api<Summary>('POST', '/api/staff/erasures', { reference, reason });
      setPreview(null);
      setReference('');
      setReason('');
      const parts = [
        s.bundles && `${plural(s.bundles, 'set of answers', 'sets of answers')} unlinked from the person`,
        s.attachments && `${plural(s.attachments, 'recording or photo', 'recordings or photos')} deleted`,
        s.contacts && `${plural(s.contacts, 'contact', 'contacts')} deleted`,
        s.claims && `${plural(s.claims, 'claim', 'claims')} cleared of bank and personal details`,
        s.withdrawnClaims && `${s.withdrawnClaims} withdrawn, as not paid yet`,
      ].filter(Boolean);
      setStatus(`Erased: ${parts.join(', ')}.`);
    });

  return (
    <Page title="Erase personal data">
      <p>
        When a participant asks, erase what they gave that identifies or reaches them: their contact details, bank details, names,
        addresses, voice recordings and receipt photos, and the reference code itself. Their answers stay, without anything that links them
        to the person, and so do the counts of who took part and the amounts of any claim.
      </p>
      <Problem message={problem} />
      <Saved message={status} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <Field
          id="erase-reference"
          label="Reference code"
          hint="8 letters and numbers from their Done screen, like 7KQ2-M9XD"
          value={reference}
          onInput={(v) => {
            setReference(v);
            setPreview(null);
          }}
        />
        <button type="submit" class="button secondary">
          Find
        </button>
      </form>
      {preview && (
        <section aria-labelledby="erase-found">
          <h2 id="erase-found">What will be erased</h2>
          <ul>
            <li>{plural(preview.bundles, 'set of answers', 'sets of answers')}</li>
            <li>{plural(preview.contacts, 'contact for feedback', 'contacts for feedback')}</li>
            {preview.claims.map((c, i) => (
              <li key={i}>
                An expense claim ({c.status.replace(/_/g, ' ')}){c.settled ? '' : ': not paid yet, so it will be withdrawn'}
              </li>
            ))}
          </ul>
          {preview.blocked ? (
            <p>This claim is in a payment run. Mark the run paid or failed first, then erase.</p>
          ) : (
            <form
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                void erase();
              }}
            >
              <Field
                id="erase-reason"
                label="How did they ask?"
                hint="For the audit log, for example: by phone to the helpline on 22 November"
                value={reason}
                onInput={setReason}
              />
              <button type="submit" class="button warning">
                Erase now
              </button>
            </form>
          )}
        </section>
      )}
    </Page>
  );
}
