import { useState } from 'preact/hooks';
import type { EngagementRecord } from '../../../db/schema';
import { t } from '../../../i18n/index';
import type { Answer } from '../../../shared/bundle';
import type { Question as Q } from '../../../shared/engagement';
import { Face } from '../faces';
import { answers, go, returnToCheck, setAnswer } from '../state';
import { Actions, ErrorSummary, L } from '../ui';

type Draft = Answer | null;

function isEmpty(d: Draft): boolean {
  if (!d) return true;
  if ('choices' in d) return d.choices.length === 0;
  if ('text' in d) return d.text.trim() === '';
  return false;
}

function firstInputId(q: Q): string {
  switch (q.type) {
    case 'text':
      return `q-${q.id}`;
    case 'faces':
      return `q-${q.id}-1`;
    case 'yesno':
      return `q-${q.id}-yes`;
    default:
      return `q-${q.id}-${q.options?.[0]?.id ?? '0'}`;
  }
}

export function Question({ engagement, index }: { engagement: EngagementRecord; index: number }) {
  const { content } = engagement;
  const q = content.questions[index] as Q;
  const [draft, setDraft] = useState<Draft>(answers.value[q.id] ?? null);
  const [error, setError] = useState(false);
  const dl = content.defaultLocale;
  const total = content.questions.length;
  const errorId = `q-${q.id}-error`;
  const describedBy = error ? errorId : undefined;

  const next = () => {
    if (returnToCheck.value || index + 1 >= total) {
      returnToCheck.value = false;
      go({ kind: 'check' });
    } else go({ kind: 'question', index: index + 1 });
  };
  const back = () => (index === 0 ? go({ kind: 'about' }) : go({ kind: 'question', index: index - 1 }));
  const radio = (
    value: string,
    checked: boolean,
    onPick: () => void,
    label: preact.ComponentChildren,
    extra?: preact.ComponentChildren,
  ) => (
    <label class="option" key={value}>
      <input
        type="radio"
        name={`q-${q.id}`}
        id={`q-${q.id}-${value}`}
        value={value}
        checked={checked}
        aria-describedby={describedBy}
        onChange={onPick}
      />
      {extra}
      <span>{label}</span>
    </label>
  );

  let input: preact.ComponentChildren = null;
  switch (q.type) {
    case 'single':
      input = (q.options ?? []).map((o) =>
        radio(
          o.id,
          !!draft && 'choice' in draft && draft.choice === o.id,
          () => setDraft({ choice: o.id }),
          <L text={o.label} defaultLocale={dl} />,
        ),
      );
      break;
    case 'multiple': {
      const chosen = draft && 'choices' in draft ? draft.choices : [];
      input = (q.options ?? []).map((o) => (
        <label class="option" key={o.id}>
          <input
            type="checkbox"
            id={`q-${q.id}-${o.id}`}
            value={o.id}
            checked={chosen.includes(o.id)}
            aria-describedby={describedBy}
            onChange={(e) => setDraft({ choices: e.currentTarget.checked ? [...chosen, o.id] : chosen.filter((c) => c !== o.id) })}
          />
          <span>
            <L text={o.label} defaultLocale={dl} />
          </span>
        </label>
      ));
      break;
    }
    case 'yesno':
      input = (['yes', 'no', 'not_sure'] as const).map((v) =>
        radio(v, !!draft && 'yesno' in draft && draft.yesno === v, () => setDraft({ yesno: v }), t(`yesno.${v}`)),
      );
      break;
    case 'faces':
      input = (
        <div class="faces">
          {[1, 2, 3, 4, 5].map((n) =>
            radio(
              String(n),
              !!draft && 'face' in draft && draft.face === n,
              () => setDraft({ face: n }),
              t(`faces.${n}`),
              <Face value={n} />,
            ),
          )}
        </div>
      );
      break;
    case 'text':
      input = (
        <textarea
          id={`q-${q.id}`}
          class="textarea"
          dir="auto"
          rows={6}
          autoComplete="off"
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
          value={draft && 'text' in draft ? draft.text : ''}
          onInput={(e) => setDraft({ text: e.currentTarget.value })}
        />
      );
      break;
    default:
      input = <p>{t('question.unsupported')}</p>;
  }

  const title = <L text={q.title} defaultLocale={dl} />;
  const body =
    q.type === 'text' ? (
      <div class="field">
        <h1>
          <label for={`q-${q.id}`}>{title}</label>
        </h1>
        {error && (
          <p class="error-message" id={errorId}>
            {t('question.answerOrSkip')}
          </p>
        )}
        {input}
      </div>
    ) : (
      <fieldset class={`field${error ? ' field-error' : ''}`} aria-invalid={error ? 'true' : undefined}>
        <legend>
          <h1>{title}</h1>
        </legend>
        {q.type === 'multiple' && <p class="hint">{t('question.chooseAll')}</p>}
        {error && (
          <p class="error-message" id={errorId}>
            {t('question.answerOrSkip')}
          </p>
        )}
        <div class="options">{input}</div>
      </fieldset>
    );

  return (
    <form
      noValidate
      key={q.id}
      onSubmit={(e) => {
        e.preventDefault();
        if (isEmpty(draft)) {
          setError(true);
          return;
        }
        setAnswer(q.id, draft as Answer);
        next();
      }}
    >
      <p class="progress">{t('question.progress', { n: index + 1, total })}</p>
      {error && <ErrorSummary errors={[{ target: firstInputId(q), text: t('question.answerOrSkip') }]} />}
      {body}
      <Actions>
        <button type="submit" class="button primary">
          {t('nav.continue')}
        </button>
        {q.allowSkip && (
          <button
            type="button"
            class="button secondary"
            onClick={() => {
              setAnswer(q.id, { skipped: true });
              next();
            }}
          >
            {t('nav.skip')}
          </button>
        )}
        <button type="button" class="button secondary" onClick={back}>
          {t('nav.back')}
        </button>
      </Actions>
    </form>
  );
}
