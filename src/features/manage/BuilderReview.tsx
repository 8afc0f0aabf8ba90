/** Builder: a participant's-eye preview in any language and format, and publishing. */

import { useState } from 'preact/hooks';
import { pickText, type Text } from '../../shared/engagement';
import type { Format } from '../../shared/locales';
import { useLocation } from '../../ui/router';
import { TableRegion } from '../../ui/TableRegion';
import { api } from './api';
import { flush, saveProblem } from './autosave';
import { findings } from './BuilderCompleteness';
import { CopyEngagement } from './BuilderCopy';
import { current, localeDir, localeName, reload, TYPE_NAMES } from './content';
import { checkRateCard } from './rate-card-state';
import { when } from './ui';

export function Preview() {
  const d = current.value?.content;
  const [lang, setLang] = useState(d?.defaultLocale ?? 'en');
  const [fmt, setFmt] = useState<Format>('standard');
  if (!d) return null;
  const pick = (t: Text | undefined) => pickText(t, lang, fmt, d.defaultLocale);
  const Say = ({ text, as: As = 'p' }: { text: Text | undefined; as?: 'p' | 'h2' | 'h3' | 'span' }) => {
    const p = pick(text);
    return (
      <As lang={p.lang} dir={localeDir(p.lang)}>
        {p.text}
      </As>
    );
  };
  return (
    <div>
      <div class="staff-preview-controls">
        <label class="label" for="preview-lang">
          Language
        </label>
        <select id="preview-lang" class="input" value={lang} onChange={(e) => setLang(e.currentTarget.value)}>
          {d.locales.map((l) => (
            <option key={l} value={l}>
              {localeName(l)} ({l})
            </option>
          ))}
        </select>
        <label class="label" for="preview-format">
          Format
        </label>
        <select id="preview-format" class="input" value={fmt} onChange={(e) => setFmt(e.currentTarget.value as Format)}>
          <option value="standard">Standard</option>
          <option value="easy">Easy read</option>
        </select>
      </div>
      <section class={`staff-preview format-${fmt}`} aria-label="Preview as a participant sees it" lang={lang} dir={localeDir(lang)}>
        <Say as="h2" text={d.title} />
        <Say text={d.purpose} />
        <Say text={d.privacy} />
        {d.questions.map((q, i) => {
          const clip = q.audio?.[lang]?.[fmt];
          return (
            <article key={q.id} class="card" aria-label={`Question ${i + 1} (${TYPE_NAMES[q.type]})`}>
              <Say as="h3" text={q.title} />
              {q.hint && <Say text={q.hint} />}
              {q.picture && <img src={q.picture.src} alt={pick(q.picture.alt).text} width={120} height={120} />}
              {/* biome-ignore lint/a11y/useMediaCaption: the clip reads aloud the question text above */}
              {clip && <audio controls src={clip} />}
              {q.options && (
                <ul>
                  {q.options.map((o) => (
                    <li key={o.id}>
                      {o.picture && <img src={o.picture.src} alt={pick(o.picture.alt).text} width={48} height={48} />}
                      <Say as="span" text={o.label} />
                    </li>
                  ))}
                </ul>
              )}
            </article>
          );
        })}
      </section>
    </div>
  );
}

export function Publish({ onProblem, onStatus }: { onProblem: (m: string | null) => void; onStatus: (m: string | null) => void }) {
  const c = current.value;
  const [busy, setBusy] = useState(false);
  const { route } = useLocation();
  if (!c) return null;
  const next = (c.versions[0]?.version ?? 0) + 1;
  const all = findings();
  const blockers = all.filter((f) => f.blocks).length;
  const gaps = all.length - blockers;
  const publish = async () => {
    onProblem(null);
    if (checkRateCard().length) return route(`/staff/engagements/${c.id}/details`);
    setBusy(true);
    try {
      if (!(await flush())) throw new Error(saveProblem.value ?? 'The draft could not be saved.');
      const r = await api<{ version: number }>('POST', `/api/staff/engagements/${c.id}/publish`, {});
      await reload(c.id);
      onStatus(`Version ${r.version} is published. Devices download it at their next connection.`);
    } catch (e) {
      onProblem((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <p>
        Publishing makes version {next}: it never changes afterwards. Answers to earlier versions are still accepted from devices that have
        them.
      </p>
      {blockers > 0 && (
        <p class="warning-text">
          {blockers} {blockers === 1 ? 'thing stops' : 'things stop'} publishing: see{' '}
          <a href={`/staff/engagements/${c.id}/completeness`}>Completeness</a>.
        </p>
      )}
      {gaps > 0 && (
        <p class="warning-text">{gaps} translations, easy-read versions, descriptions or clips are missing (see Completeness).</p>
      )}
      <button type="button" class="button primary" disabled={busy} onClick={() => void publish()}>
        Publish version {next}
      </button>
      <TableRegion class="staff-table" caption="Published versions">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Published</th>
            <th scope="col">Answers received</th>
          </tr>
        </thead>
        <tbody>
          {c.versions.map((v) => (
            <tr key={v.id} data-testid={`version-${v.version}`}>
              <td>Version {v.version}</td>
              <td>{when(v.publishedAt)}</td>
              <td>{v.bundles}</td>
            </tr>
          ))}
        </tbody>
      </TableRegion>
      <CopyEngagement />
    </div>
  );
}
