/** One question of a paper form, as staff type it in: every answer may be left blank ("no answer on the form"). */
import type { Answer } from '../../shared/bundle';
import { ANSWER_LIMITS } from '../../shared/bundle';
import { pickText, type Question } from '../../shared/engagement';

export type Raw = string | string[] | Record<string, string>;

const FACES = ['Very unhappy', 'Unhappy', 'Okay', 'Happy', 'Very happy'];
const YESNO: [string, string][] = [
  ['yes', 'Yes'],
  ['no', 'No'],
  ['not_sure', 'Not sure'],
];

export function emptyRaw(q: Question): Raw {
  if (q.type === 'multiple') return [];
  if (q.type === 'priorities') return {};
  return '';
}

/** The answer as the bundle holds it, or a message saying what to fix. */
export function toAnswer(q: Question, raw: Raw, title: string): Answer | { problem: string } {
  const skipped = { skipped: true } as const;
  if (q.type === 'multiple') return (raw as string[]).length ? { choices: raw as string[] } : skipped;
  if (q.type === 'priorities') {
    const tokens: Record<string, number> = {};
    for (const [id, v] of Object.entries(raw as Record<string, string>)) {
      if (v.trim() === '') continue;
      if (!/^\d{1,4}$/.test(v.trim())) return { problem: `${title}: enter whole numbers of tokens.` };
      if (Number(v) > 0) tokens[id] = Number(v);
    }
    const total = Object.values(tokens).reduce((a, b) => a + b, 0);
    if (q.tokens && total > q.tokens) return { problem: `${title}: the form shares ${total} tokens, but there are only ${q.tokens}.` };
    return total > 0 ? { tokens } : skipped;
  }
  const v = (raw as string).trim();
  if (!v) return skipped;
  if (q.type === 'single') return { choice: v };
  if (q.type === 'faces') return { face: Number(v) };
  if (q.type === 'yesno') return { yesno: v as 'yes' | 'no' | 'not_sure' };
  if (v.length > ANSWER_LIMITS.text) return { problem: `${title}: use at most ${ANSWER_LIMITS.text} characters.` };
  // text, and a voice question answered in writing on the form
  return { text: v };
}

export function PaperQuestion(p: { q: Question; n: number; dl: string; raw: Raw; set: (raw: Raw) => void }) {
  const { q, dl } = p;
  const text = (t: Question['title']) => pickText(t, dl, 'standard', dl).text;
  const name = `paper-${q.id}`;
  const radios = (choices: [string, string][]) => (
    <>
      {[['', 'No answer on the form'] as [string, string], ...choices].map(([value, label]) => (
        <div class="staff-choice" key={value || 'none'}>
          <input type="radio" id={`${name}-${value || 'none'}`} name={name} checked={p.raw === value} onChange={() => p.set(value)} />
          <label for={`${name}-${value || 'none'}`}>{label}</label>
        </div>
      ))}
    </>
  );
  const options = (q.options ?? []).map((o) => [o.id, text(o.label)] as [string, string]);
  let body: preact.JSX.Element;
  if (q.type === 'single') body = radios(options);
  else if (q.type === 'faces') body = radios(FACES.map((l, i) => [String(i + 1), `${i + 1}: ${l}`]));
  else if (q.type === 'yesno') body = radios(YESNO);
  else if (q.type === 'multiple') {
    const chosen = p.raw as string[];
    body = (
      <>
        {options.map(([id, label]) => (
          <div class="staff-choice" key={id}>
            <input
              type="checkbox"
              id={`${name}-${id}`}
              checked={chosen.includes(id)}
              onChange={(e) => p.set(e.currentTarget.checked ? [...chosen, id] : chosen.filter((x) => x !== id))}
            />
            <label for={`${name}-${id}`}>{label}</label>
          </div>
        ))}
      </>
    );
  } else if (q.type === 'priorities') {
    const tokens = p.raw as Record<string, string>;
    body = (
      <>
        <p class="hint">Tokens given to each option{q.tokens ? ` (${q.tokens} in all)` : ''}; leave blank for none.</p>
        {options.map(([id, label]) => (
          <div class="field" key={id}>
            <label class="label" for={`${name}-${id}`}>
              {label}
            </label>
            <input
              id={`${name}-${id}`}
              class="input staff-number"
              inputMode="numeric"
              autoComplete="off"
              value={tokens[id] ?? ''}
              onInput={(e) => p.set({ ...tokens, [id]: e.currentTarget.value })}
            />
          </div>
        ))}
      </>
    );
  } else {
    body = (
      <>
        <label class="label" for={name}>
          What the form says{q.type === 'voice' ? ' (a spoken answer, written down)' : ''}
        </label>
        <textarea
          id={name}
          class="input"
          rows={3}
          dir="auto"
          autoComplete="off"
          value={p.raw as string}
          onInput={(e) => p.set(e.currentTarget.value)}
        />
      </>
    );
  }
  return (
    <fieldset class="staff-paper-q">
      <legend>
        {p.n}. {text(q.title)}
      </legend>
      {body}
    </fieldset>
  );
}
