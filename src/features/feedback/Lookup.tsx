/** The reference lookup: the code from the Done screen shows the feedback and the claim's state, nothing personal. */
import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import { focusHeading } from '../../a11y/focus';
import { normaliseReference, REFERENCE_PATTERN } from '../../shared/feedback';
import { type LookupReply, LookupReplySchema } from '../../shared/lookup';
import { Loading } from '../../ui/Loading';
import { addStyles } from '../../ui/styles';
import { ErrorSummary, L } from '../../ui/ui';
import { claimOutcomeText } from './ClaimOutcome';
import { FeedbackView } from './FeedbackView';
import feedbackCss from './feedback.css?url';
import { ft } from './i18n';
import { Settings } from './Settings';
import { takeCodeFromFragment, useChoiceFromUrl } from './url';

void addStyles(feedbackCss);

type Problem = 'invalid' | 'unknown' | 'tooMany' | 'unavailable' | 'offline';

async function ask(code: string): Promise<LookupReply | Problem> {
  try {
    const res = await fetch('/api/lookup', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code }),
    });
    if (res.ok) {
      const reply = v.safeParse(LookupReplySchema, await res.json());
      return reply.success ? reply.output : 'unknown';
    }
    // 503: the server cannot count tries just now, so it checks none (it never lets a guess through)
    if (res.status === 503) return 'unavailable';
    return res.status === 429 ? 'tooMany' : res.status === 400 ? 'invalid' : 'unknown';
  } catch {
    return 'offline';
  }
}

export function Lookup() {
  const ready = useChoiceFromUrl();
  const [code, setCode] = useState(takeCodeFromFragment);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [found, setFound] = useState<LookupReply | null>(null);
  useEffect(() => {
    if (ready) focusHeading(document.getElementById('main') ?? document);
  }, [ready, found]);
  if (!ready) return <Loading />;

  const submit = async (e: Event) => {
    e.preventDefault();
    const normal = normaliseReference(code);
    if (!REFERENCE_PATTERN.test(normal)) {
      setProblem('invalid');
      return;
    }
    setBusy(true);
    setProblem(null);
    const out = await ask(normal);
    setBusy(false);
    if (typeof out === 'string') setProblem(out);
    else {
      setFound(out);
      setCode('');
    }
  };

  if (found) {
    return (
      <div class="feedback-page">
        <h1 tabIndex={-1}>
          {ft('lookup.found', { title: '' })}
          <L text={found.title} defaultLocale={found.defaultLocale} />
        </h1>
        <Settings offered={found.feedback?.locales} />
        <section class="panel claim-state">
          <h2>{ft('lookup.claimHeading')}</h2>
          <p data-testid="claim-outcome">{found.claim ? claimOutcomeText(found.claim) : ft('lookup.noClaim')}</p>
        </section>
        <h2>{ft('heading')}</h2>
        {found.feedback ? <FeedbackView feedback={found.feedback} /> : <p>{ft('lookup.noFeedback')}</p>}
        <div class="actions no-print">
          <button type="button" class="button secondary" onClick={() => setFound(null)}>
            {ft('lookup.heading')}
          </button>
        </div>
      </div>
    );
  }

  const errors = problem ? [{ target: 'lookup-code', text: ft(`lookup.${problem}`) }] : [];
  return (
    <div class="feedback-page">
      <ErrorSummary errors={errors} />
      <h1 tabIndex={-1}>{ft('lookup.heading')}</h1>
      <Settings />
      <p>{ft('lookup.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div class={`field${problem ? ' field-error' : ''}`}>
          <label class="label" for="lookup-code">
            {ft('lookup.label')}
          </label>
          <span class="hint" id="lookup-code-hint">
            {ft('lookup.hint')}
          </span>
          {problem && (
            <p class="error-message" id="lookup-code-error">
              {ft(`lookup.${problem}`)}
            </p>
          )}
          <input
            id="lookup-code"
            class="input code-input"
            value={code}
            onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)}
            autoComplete="off"
            autoCapitalize="characters"
            spellcheck={false}
            maxLength={20}
            aria-invalid={problem ? 'true' : undefined}
            aria-describedby={problem ? 'lookup-code-hint lookup-code-error' : 'lookup-code-hint'}
          />
        </div>
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy}>
            {ft('lookup.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
