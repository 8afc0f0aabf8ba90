import { useState } from 'preact/hooks';
import type { EngagementRecord } from '../../../db/schema';
import { answers, go, goOnFrom, type Recording, recordings, setAnswer, settle, usePending } from '../../../device/participant';
import { format, t } from '../../../i18n/index';
import type { Answer } from '../../../shared/bundle';
import type { Question as Q } from '../../../shared/engagement';
import { LIMITS } from '../../../shared/limits';
import { Loading } from '../../../ui/Loading';
import { Actions, ErrorSummary, Picture, useText } from '../../../ui/ui';
import { Face } from '../faces';
import { ReadAloud } from '../ReadAloud';
import { richInputs } from '../step-chunks';

type Draft = Answer | null;

function isEmpty(d: Draft): boolean {
  if (!d) return true;
  if ('choices' in d) return d.choices.length === 0;
  if ('text' in d) return d.text.trim() === '';
  if ('tokens' in d) return Object.values(d.tokens).every((n) => n === 0);
  return false;
}

function firstInputId(q: Q): string {
  switch (q.type) {
    case 'text':
    case 'voice':
      return `q-${q.id}`;
    case 'faces':
      return `q-${q.id}-1`;
    case 'yesno':
      return `q-${q.id}-yes`;
    case 'priorities':
      return `q-${q.id}-${q.options?.[0]?.id ?? '0'}-plus`;
    default:
      return `q-${q.id}-${q.options?.[0]?.id ?? '0'}`;
  }
}

export function Question({ engagement, index }: { engagement: EngagementRecord; index: number }) {
  const { content } = engagement;
  const q = content.questions[index] as Q;
  const [draft, setDraft] = usePending<Draft>(`q:${q.id}`, answers.value[q.id] ?? null);
  const [recording, setRecording] = usePending<Recording | null>(`voice:${q.id}`, recordings.value[q.id] ?? null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const text = useText(content.defaultLocale);
  const total = content.questions.length;
  const errorId = `q-${q.id}-error`;
  const hintId = `q-${q.id}-hint`;
  const hint = q.hint ? text(q.hint) : null;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  const title = text(q.title);
  const next = () => goOnFrom('question', { index, total });
  const back = () => (index === 0 ? go({ kind: 'about' }) : go({ kind: 'question', index: index - 1 }));

  const choice = (
    type: 'radio' | 'checkbox',
    value: string,
    checked: boolean,
    onPick: (on: boolean) => void,
    label: preact.ComponentChildren,
  ) => (
    <label class="option" key={value}>
      <input
        type={type}
        name={`q-${q.id}`}
        id={`q-${q.id}-${value}`}
        value={value}
        checked={checked}
        onChange={(e) => onPick(e.currentTarget.checked)}
      />
      {label}
    </label>
  );
  const optionLabel = (o: NonNullable<Q['options']>[number]) => {
    const l = text(o.label);
    return (
      <>
        <Picture picture={o.picture} />
        <span lang={l.lang}>{l.text}</span>
      </>
    );
  };

  const rich = richInputs.mod.value;
  let input: preact.ComponentChildren = null;
  switch (q.type) {
    case 'single':
      input = (q.options ?? []).map((o) =>
        choice('radio', o.id, !!draft && 'choice' in draft && draft.choice === o.id, () => setDraft({ choice: o.id }), optionLabel(o)),
      );
      break;
    case 'multiple': {
      const chosen = draft && 'choices' in draft ? draft.choices : [];
      input = (q.options ?? []).map((o) =>
        choice(
          'checkbox',
          o.id,
          chosen.includes(o.id),
          (on) => setDraft({ choices: on ? [...chosen, o.id] : chosen.filter((c) => c !== o.id) }),
          optionLabel(o),
        ),
      );
      break;
    }
    case 'yesno':
      input = (['yes', 'no', 'not_sure'] as const).map((v) =>
        choice('radio', v, !!draft && 'yesno' in draft && draft.yesno === v, () => setDraft({ yesno: v }), <span>{t(`yesno.${v}`)}</span>),
      );
      break;
    case 'faces':
      input = [1, 2, 3, 4, 5].map((n) =>
        choice(
          'radio',
          String(n),
          !!draft && 'face' in draft && draft.face === n,
          () => setDraft({ face: n }),
          <>
            <Face value={n} />
            <span>{t(`faces.${n}`)}</span>
          </>,
        ),
      );
      break;
    case 'priorities':
      input = !rich ? (
        <Loading />
      ) : (
        <rich.Priorities
          q={q}
          value={draft && 'tokens' in draft ? draft.tokens : {}}
          onChange={(tokens) => setDraft({ tokens })}
          defaultLocale={content.defaultLocale}
        />
      );
      break;
    case 'voice':
      input = !rich ? (
        <Loading />
      ) : (
        <rich.Voice
          id={`q-${q.id}`}
          value={recording}
          onChange={(r) => {
            setRecording(r);
            setDraft(r ? { voice: 0 } : null);
          }}
        />
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
          maxLength={LIMITS.text}
          value={draft && 'text' in draft ? draft.text : ''}
          onInput={(e) => setDraft({ text: e.currentTarget.value })}
        />
      );
      break;
    default:
      input = <p>{t('question.unsupported')}</p>;
  }

  const heading = (
    <h1 class="question-heading">
      {format.value === 'easy' && <Picture picture={q.picture} large />}
      {q.type === 'text' ? <label for={`q-${q.id}`}>{title.text}</label> : <span lang={title.lang}>{title.text}</span>}
    </h1>
  );
  const spoken = [title.text, ...(q.options ?? []).map((o) => text(o.label).text)].join('. ');
  const extra = (
    <>
      <ReadAloud text={spoken} lang={title.lang} audio={q.audio} />
      {hint && (
        <p class="hint" id={hintId} lang={hint.lang}>
          {hint.text}
        </p>
      )}
      {q.type === 'multiple' && <p class="hint">{t('question.chooseAll')}</p>}
      {error && (
        <p class="error-message" id={errorId}>
          {error}
        </p>
      )}
    </>
  );
  const body =
    q.type === 'text' ? (
      <div class={`field${error ? ' field-error' : ''}`}>
        {heading}
        {extra}
        {input}
      </div>
    ) : (
      <fieldset class={`field${error ? ' field-error' : ''}`} aria-describedby={describedBy}>
        <legend>{heading}</legend>
        {extra}
        <div class={q.type === 'priorities' || q.type === 'voice' ? '' : 'options'}>{input}</div>
      </fieldset>
    );

  return (
    <form
      noValidate
      autoComplete="off"
      key={q.id}
      onSubmit={async (e) => {
        e.preventDefault();
        // the opener's own schema: an answer it would refuse is never kept
        const problem = isEmpty(draft)
          ? t('question.answerOrSkip')
          : (await import('./answer-check')).answerRefused(draft)
            ? t('question.tooLong', { max: LIMITS.text })
            : null;
        if (problem) {
          setError(problem);
          setAttempt(attempt + 1);
          return;
        }
        setAnswer(q.id, draft as Answer);
        if (q.type === 'voice' && recording) recordings.value = { ...recordings.value, [q.id]: recording };
        settle(`q:${q.id}`, `voice:${q.id}`);
        next();
      }}
    >
      <p class="progress">{t('question.progress', { n: index + 1, total })}</p>
      {error && <ErrorSummary attempt={attempt} errors={[{ target: firstInputId(q), text: error }]} />}
      {body}
      <Actions>
        <button type="submit" class="button primary">
          {t('nav.continue')}
        </button>
        {q.allowSkip && (
          <button
            type="button"
            class="button secondary"
            data-action="skip"
            onClick={() => {
              setAnswer(q.id, { skipped: true });
              const { [q.id]: _dropped, ...rest } = recordings.value;
              recordings.value = rest;
              settle(`q:${q.id}`, `voice:${q.id}`);
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
