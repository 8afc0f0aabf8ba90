/** Builder: the list of questions (add, reorder, remove) and one question's editor. */
import { useState } from 'preact/hooks';
import { pickText, type Question, type QuestionType } from '../../shared/engagement';
import { useLocation } from '../../ui/router';
import { current, duplicate, hasOptions, newQuestionId, TYPE_NAMES, update, updateQuestion } from './content';
import { AudioField, PictureField } from './MediaFields';
import { TextEditor } from './TextEditor';

export function BuilderQuestions() {
  const c = current.value;
  const { route } = useLocation();
  const [type, setType] = useState<QuestionType>('single');
  if (!c) return null;
  const qs = c.content.questions;
  const move = (i: number, by: number) =>
    update((d) => {
      const list = [...d.questions];
      const [q] = list.splice(i, 1);
      if (q) list.splice(i + by, 0, q);
      return { ...d, questions: list };
    });
  return (
    <div>
      <ol class="staff-questions">
        {qs.map((q, i) => {
          const title = pickText(q.title, c.content.defaultLocale, 'standard', c.content.defaultLocale).text || '(no wording yet)';
          return (
            <li key={q.id}>
              <a href={`/staff/engagements/${c.id}/questions/${q.id}`}>{title}</a> <span class="hint">({TYPE_NAMES[q.type]})</span>
              <span class="staff-row-actions">
                <button type="button" class="button secondary small" disabled={i === 0} onClick={() => move(i, -1)}>
                  Move up <span class="visually-hidden">{title}</span>
                </button>
                <button type="button" class="button secondary small" disabled={i === qs.length - 1} onClick={() => move(i, 1)}>
                  Move down <span class="visually-hidden">{title}</span>
                </button>
                <button
                  type="button"
                  class="button secondary small"
                  onClick={() => route(`/staff/engagements/${c.id}/questions/${duplicate(q)}`)}
                >
                  Duplicate <span class="visually-hidden">{title}</span>
                </button>
                <button
                  type="button"
                  class="button secondary small"
                  onClick={() => update((d) => ({ ...d, questions: d.questions.filter((x) => x.id !== q.id) }))}
                >
                  Remove <span class="visually-hidden">{title}</span>
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {qs.length === 0 && <p>No questions yet.</p>}
      <div class="field">
        <label class="label" for="new-question-type">
          Type of the new question
        </label>
        <select id="new-question-type" class="input" value={type} onChange={(e) => setType(e.currentTarget.value as QuestionType)}>
          {Object.entries(TYPE_NAMES).map(([k, name]) => (
            <option key={k} value={k}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        class="button primary"
        onClick={() => {
          const id = newQuestionId(c.content);
          update((d) => ({
            ...d,
            questions: [
              ...d.questions,
              {
                id,
                type,
                title: {},
                allowSkip: true,
                ...(hasOptions(type) ? { options: [] } : {}),
                ...(type === 'priorities' ? { tokens: 5 } : {}),
              },
            ],
          }));
          route(`/staff/engagements/${c.id}/questions/${id}`);
        }}
      >
        Add question
      </button>
    </div>
  );
}

export function QuestionEditor({ qid }: { qid: string }) {
  const c = current.value;
  const q = c?.content.questions.find((x) => x.id === qid);
  if (!c || !q)
    return (
      <p>
        There is no such question. <a href={`/staff/engagements/${c?.id}/questions`}>Back to the questions</a>
      </p>
    );
  const n = c.content.questions.indexOf(q) + 1;
  const set = (fn: (x: Question) => Question) => updateQuestion(qid, fn);
  const options = q.options ?? [];
  return (
    <div>
      <p>
        <a href={`/staff/engagements/${c.id}/questions`}>All questions</a>
      </p>
      <h2>
        Question {n}: {TYPE_NAMES[q.type]}
      </h2>
      <TextEditor id={`${qid}-title`} label="Question wording" value={q.title} onChange={(title) => set((x) => ({ ...x, title }))} />
      <TextEditor id={`${qid}-hint`} label="Hint (optional)" value={q.hint} onChange={(hint) => set((x) => ({ ...x, hint }))} />
      <div class="checkbox">
        <input
          type="checkbox"
          id={`${qid}-skip`}
          checked={q.allowSkip ?? false}
          onChange={(e) => set((x) => ({ ...x, allowSkip: e.currentTarget.checked }))}
        />
        <label for={`${qid}-skip`}>Participants may skip this question</label>
      </div>
      {q.type === 'priorities' && (
        <div class="field">
          <label class="label" for={`${qid}-tokens`}>
            Tokens to share out
          </label>
          <input
            id={`${qid}-tokens`}
            class="input"
            type="number"
            min={1}
            max={100}
            value={q.tokens ?? 5}
            onInput={(e) => set((x) => ({ ...x, tokens: Number(e.currentTarget.value) || 1 }))}
          />
        </div>
      )}
      <PictureField id={`${qid}-picture`} value={q.picture} onChange={(picture) => set((x) => ({ ...x, picture }))} />
      <AudioField id={`${qid}-audio`} value={q.audio} onChange={(audio) => set((x) => ({ ...x, audio }))} />
      {hasOptions(q.type) && (
        <section aria-labelledby={`${qid}-options`}>
          <h3 id={`${qid}-options`}>Options</h3>
          {options.map((o, i) => (
            <div class="staff-option" key={o.id}>
              <TextEditor
                id={`${qid}-${o.id}`}
                label={`Option ${i + 1}`}
                value={o.label}
                onChange={(label) => set((x) => ({ ...x, options: (x.options ?? []).map((y) => (y.id === o.id ? { ...y, label } : y)) }))}
              />
              <PictureField
                id={`${qid}-${o.id}-picture`}
                value={o.picture}
                onChange={(picture) =>
                  set((x) => ({ ...x, options: (x.options ?? []).map((y) => (y.id === o.id ? { ...y, picture } : y)) }))
                }
              />
              <button
                type="button"
                class="button secondary small"
                onClick={() => set((x) => ({ ...x, options: (x.options ?? []).filter((y) => y.id !== o.id) }))}
              >
                Remove option {i + 1}
              </button>
            </div>
          ))}
          <button
            type="button"
            id={`${qid}-add-option`}
            class="button secondary"
            onClick={() =>
              set((x) => {
                const list = x.options ?? [];
                let k = list.length + 1;
                while (list.some((o) => o.id === `o${k}`)) k++;
                return { ...x, options: [...list, { id: `o${k}`, label: {} }] };
              })
            }
          >
            Add option
          </button>
        </section>
      )}
    </div>
  );
}
