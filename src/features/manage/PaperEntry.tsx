/**
 * Organiser: type in paper forms for a published engagement, one at a time. Each form is sealed in this
 * browser with the version's public key, exactly as a device seals a participant's answers (finish.ts),
 * and sent to the server, which stores it like a synced bundle, marked "from paper".
 */
import { useEffect, useState } from 'preact/hooks';
import { syncItemOf } from '../../db/records';
import type { OutboxRecord } from '../../db/schema';
import { finishBundle } from '../../device/finish';
import type { Answer } from '../../shared/bundle';
import { type PublishedEngagement, pickText } from '../../shared/engagement';
import { LOCALE_INFO, type Locale } from '../../shared/locales';
import type { SyncItem } from '../../shared/protocol';
import { rateCardOf } from '../../shared/ratecard';
import { api } from './api';
import { type AboutRaw, emptyAbout, PaperAbout, toAbout } from './PaperAbout';
import { PaperClaim } from './PaperClaim';
import { emptyRaw, PaperQuestion, type Raw, toAnswer } from './PaperQuestion';
import { type ClaimRaw, emptyClaim, paperMethods, toClaim } from './paper-claim';
import { Page, Problem, Saved } from './ui';

type Sealed = { item: SyncItem; reference: string };

export function PaperEntry({ id }: { id: string }) {
  const [e, setE] = useState<PublishedEngagement | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [raw, setRaw] = useState<Record<string, Raw>>({});
  const [lang, setLang] = useState('en');
  const [easy, setEasy] = useState(false);
  const [consent, setConsent] = useState(false);
  const [about, setAbout] = useState<AboutRaw>(emptyAbout);
  const [claim, setClaim] = useState<ClaimRaw>(emptyClaim);
  // kept until the server has it, so a retry sends the same form (a duplicate, never a second copy)
  const [pending, setPending] = useState<Sealed | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reset = (x: PublishedEngagement) => {
    setRaw(Object.fromEntries(x.content.questions.map((q) => [q.id, emptyRaw(q)])));
    setLang(x.content.defaultLocale);
    setEasy(false);
    setConsent(false);
    setAbout(emptyAbout());
    setClaim(emptyClaim());
  };
  useEffect(() => {
    api<PublishedEngagement>('GET', `/api/staff/engagements/${id}/paper`)
      .then((x) => {
        setE(x);
        reset(x);
      })
      .catch((err) => setProblem(err.message));
  }, [id]);
  if (!e) return <Page title="Enter a paper form">{problem ? <Problem message={problem} /> : <p>Loading…</p>}</Page>;
  const dl = e.content.defaultLocale;
  const card = rateCardOf(e.content);
  const edit = (f: () => void) => {
    setPending(null);
    setSaved(null);
    f();
  };

  const seal = async (): Promise<Sealed | string> => {
    if (!consent) return 'Tick the box to confirm the form shows the person agreed to take part.';
    const answers: Record<string, Answer> = {};
    for (const q of e.content.questions) {
      const a = toAnswer(q, raw[q.id] ?? emptyRaw(q), pickText(q.title, dl, 'standard', dl).text);
      if ('problem' in a) return a.problem;
      answers[q.id] = a;
    }
    const person = toAbout(about);
    if ('problem' in person) return person.problem;
    const claimed = toClaim(claim, card);
    if (claimed && 'problem' in claimed) return claimed.problem;
    let record: OutboxRecord | undefined;
    const { reference } = await finishBundle({
      engagement: e,
      answers,
      locale: lang,
      format: easy ? 'easy' : 'standard',
      consentAt: new Date().toISOString(),
      inputMethod: 'paper',
      sessionId: null,
      contact: person.contact,
      monitoring: person.monitoring,
      ...(claimed ? { claim: claimed } : {}),
      store: async (r) => {
        record = r;
      },
    });
    const r = record as OutboxRecord;
    return { item: syncItemOf(r), reference };
  };

  const submit = async (ev: Event) => {
    ev.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const sealed = pending ?? (await seal());
      if (typeof sealed === 'string') return setProblem(sealed);
      setPending(sealed);
      await api('POST', `/api/staff/engagements/${id}/paper`, sealed.item);
      setPending(null);
      setSaved(sealed.reference);
      reset(e);
    } catch (err) {
      setProblem(`${(err as Error).message} The form is kept: press Save again to send the same form.`);
    } finally {
      setBusy(false);
    }
  };

  const title = pickText(e.content.title, dl, 'standard', dl).text;
  return (
    <Page title={`Enter a paper form: ${title}`}>
      <Problem message={problem} />
      <Saved message={saved ? `Saved as a paper form. Write this reference on the form: ${saved}` : null} />
      {saved && (
        <p class="reference" data-testid="paper-reference">
          {saved}
        </p>
      )}
      <p>
        Version {e.version}. Type what the form says; leave anything blank that the person did not answer. Each form is saved on its own,
        marked "from paper".
      </p>
      <form noValidate onSubmit={submit}>
        <div class="field">
          <label class="label" for="paper-lang">
            Language of the form
          </label>
          <select id="paper-lang" class="input" value={lang} onChange={(x) => edit(() => setLang(x.currentTarget.value))}>
            {e.content.locales.map((l) => (
              <option key={l} value={l}>
                {LOCALE_INFO[l as Locale]?.name ?? l}
              </option>
            ))}
          </select>
        </div>
        <div class="staff-choice">
          <input type="checkbox" id="paper-easy" checked={easy} onChange={(x) => edit(() => setEasy(x.currentTarget.checked))} />
          <label for="paper-easy">It is the easy-read form</label>
        </div>
        {e.content.questions.map((q, i) => (
          <PaperQuestion
            key={q.id}
            q={q}
            n={i + 1}
            dl={dl}
            raw={raw[q.id] ?? emptyRaw(q)}
            set={(v) => edit(() => setRaw({ ...raw, [q.id]: v }))}
          />
        ))}
        <PaperAbout raw={about} set={(v) => edit(() => setAbout(v))} />
        {card && <PaperClaim card={card} methods={paperMethods(e.content)} raw={claim} set={(v) => edit(() => setClaim(v))} />}
        <div class="staff-choice">
          <input type="checkbox" id="paper-consent" checked={consent} onChange={(x) => edit(() => setConsent(x.currentTarget.checked))} />
          <label for="paper-consent">The form shows the person agreed to take part</label>
        </div>
        <button type="submit" class="button primary" disabled={busy}>
          {pending ? 'Save this paper form again' : 'Save this paper form'}
        </button>
      </form>
    </Page>
  );
}
