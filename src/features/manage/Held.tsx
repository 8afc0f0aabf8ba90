/**
 * Admin and organiser: bundles the server received but could not open, each with its reason. One can be
 * opened for repair (the read is audited), its content corrected, and accepted with a note saying what
 * changed: the server checks it with the same schema as every bundle and files it as the opener would.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { Field, Page, Problem, Saved, when } from './ui';

interface HeldRow {
  id: string;
  device_id: string;
  source: string;
  received_at: string;
  reason: string | null;
}
interface HeldOne {
  id: string;
  reason: string | null;
  readable: boolean;
  why?: string;
  payload?: unknown;
  text?: string;
  /** where the content breaks the shared schema, as `contact.email` ('' for the whole) */
  problems?: string[];
}

function Repair({ id, onDone }: { id: string; onDone: (message: string) => void }) {
  const [one, setOne] = useState<HeldOne | null>(null);
  const [json, setJson] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void api<HeldOne>('GET', `/api/staff/held/${id}`)
      .then((o) => {
        setOne(o);
        setJson(o.payload === undefined ? (o.text ?? '') : JSON.stringify(o.payload, null, 2));
      })
      .catch((e: Error) => setProblem(e.message));
  }, [id]);
  const accept = async () => {
    setProblem(null);
    let payload: unknown;
    try {
      payload = JSON.parse(json);
    } catch {
      return setProblem('The content is not valid JSON. Check quotes, commas and brackets.');
    }
    try {
      await api('POST', `/api/staff/held/${id}/repair`, { payload, note });
      onDone(`Bundle ${id} was repaired and accepted.`);
    } catch (e) {
      setProblem((e as Error).message);
    }
  };
  if (!one) return <Problem message={problem} />;
  return (
    <section aria-labelledby="repair-heading">
      <h2 id="repair-heading">Repair bundle {id}</h2>
      <Problem message={problem} />
      {!one.readable && <p>It cannot be decrypted: {one.why}</p>}
      {one.problems && one.problems.length > 0 && (
        <p>Where it breaks the rules: {one.problems.map((p) => p || 'the bundle as a whole').join('; ')}.</p>
      )}
      <Field id="repair-json" label="Content (JSON)" multiline value={json} onInput={setJson} />
      <Field id="repair-note" label="What you changed and why (for the audit log)" value={note} onInput={setNote} />
      <button type="button" class="button primary" onClick={() => void accept()}>
        Accept repaired bundle
      </button>
    </section>
  );
}

export function Held() {
  const [rows, setRows] = useState<HeldRow[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const load = () =>
    api<{ bundles: HeldRow[] }>('GET', '/api/staff/held')
      .then((r) => setRows(r.bundles))
      .catch((e: Error) => setProblem(e.message));
  useEffect(() => void load(), []);
  return (
    <Page title="Bundles that could not be opened">
      <p>
        These answers reached the server but could not be opened, so they are kept here, never dropped. Open one to see why, correct it, and
        accept it: opening one is recorded in the audit log.
      </p>
      <Problem message={problem} />
      <Saved message={status} />
      {rows === null ? (
        <p>Loading…</p>
      ) : rows.length === 0 ? (
        <p>Nothing is waiting.</p>
      ) : (
        <ul class="held-list">
          {rows.map((r) => (
            <li key={r.id}>
              <p>
                <strong>{r.id}</strong>, received {when(r.received_at)} ({r.source}): {r.reason}
              </p>
              <button type="button" class="button secondary" onClick={() => setOpen(r.id)} aria-expanded={open === r.id}>
                Open for repair<span class="visually-hidden"> {r.id}</span>
              </button>
              {open === r.id && (
                <Repair
                  id={r.id}
                  onDone={(m) => {
                    setOpen(null);
                    setStatus(m);
                    void load();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
