/** The public page /feedback/<engagement>: works offline once visited and prints well. */
import { useEffect, useState } from 'preact/hooks';
import { focusHeading } from '../../a11y/focus';
import { type Loaded, loadFeedback } from '../../device/feedback-cache';
import { locale } from '../../i18n/index';
import { Loading } from '../../ui/Loading';
import { addStyles } from '../../ui/styles';
import { L } from '../../ui/ui';
import { FeedbackView } from './FeedbackView';
import feedbackCss from './feedback.css?url';
import { ft } from './i18n';
import { Settings } from './Settings';
import { useChoiceFromUrl } from './url';

void addStyles(feedbackCss);

export function FeedbackPage({ slug }: { slug: string }) {
  const ready = useChoiceFromUrl();
  const [state, setState] = useState<Loaded | null>(null);
  useEffect(() => {
    void loadFeedback(slug).then(setState);
  }, [slug]);
  useEffect(() => {
    if (ready && state) focusHeading(document.getElementById('main') ?? document);
  }, [ready, state]);
  void locale.value;
  if (!ready || !state) return <Loading />;
  return (
    <div class="feedback-page">
      <h1 tabIndex={-1}>
        {ft('heading')}
        {state.kind === 'ok' && (
          <>
            : <L text={state.feedback.title} defaultLocale={state.feedback.defaultLocale} />
          </>
        )}
      </h1>
      <Settings offered={state.kind === 'ok' ? state.feedback.locales : undefined} />
      {state.kind === 'ok' && <FeedbackView feedback={state.feedback} level={1} />}
      {state.kind === 'none' && <p>{ft('notYet')}</p>}
      {state.kind === 'offline' && (
        <p class="panel" role="status">
          {ft('offline')}
        </p>
      )}
      <div class="actions no-print">
        {state.kind === 'ok' && (
          <button type="button" class="button secondary" onClick={() => window.print()}>
            {ft('print')}
          </button>
        )}
        <a class="button secondary" href="/lookup">
          {ft('lookupLink')}
        </a>
      </div>
    </div>
  );
}
