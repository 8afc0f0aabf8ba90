/** Builder: make a new engagement from this one's draft or from any published version (the copy is a draft). */
import { useState } from 'preact/hooks';
import { pickText } from '../../shared/engagement';
import { useLocation } from '../../ui/router';
import { api, problemOf } from './api';
import { flush, saveProblem } from './autosave';
import { current } from './content';
import { Field } from './ui';

export function CopyEngagement() {
  const c = current.value;
  const { route } = useLocation();
  const [from, setFrom] = useState('draft');
  const [title, setTitle] = useState(
    () => `Copy of ${pickText(c?.content.title, 'en', 'standard', c?.content.defaultLocale ?? 'en').text}`,
  );
  const [slug, setSlug] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  if (!c) return null;
  const copy = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    try {
      // the copy of the draft is what is on the screen
      if (from === 'draft' && !(await flush())) throw new Error(`The draft is not saved yet: ${saveProblem.value}`);
      const version = from === 'draft' ? undefined : Number(from);
      const made = await api<{ id: string }>('POST', `/api/staff/engagements/${c.id}/clone`, { slug, title, version });
      route(`/staff/engagements/${made.id}/details`);
    } catch (err) {
      setProblem(problemOf(err));
    }
  };
  return (
    <form noValidate onSubmit={copy} aria-labelledby="copy-heading">
      <h2 id="copy-heading">Make a copy as a new engagement</h2>
      {problem && (
        <p class="error-message" role="alert">
          {problem}
        </p>
      )}
      <div class="field">
        <label class="label" for="copy-from">
          Copy from
        </label>
        <select id="copy-from" class="input" value={from} onChange={(e) => setFrom(e.currentTarget.value)}>
          <option value="draft">The draft, as it is now</option>
          {c.versions.map((v) => (
            <option key={v.id} value={String(v.version)}>
              Version {v.version} (published)
            </option>
          ))}
        </select>
      </div>
      <Field id="copy-title" label="Title of the copy (default language, standard)" value={title} onInput={setTitle} />
      <Field
        id="copy-slug"
        label="Short web address of the copy"
        hint="Lower-case letters, numbers and dashes, e.g. bus-routes-2028."
        value={slug}
        onInput={setSlug}
      />
      <button type="submit" class="button secondary">
        Make a copy
      </button>
    </form>
  );
}
