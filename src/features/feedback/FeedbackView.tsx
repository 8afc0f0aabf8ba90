/** Published "You said, we did" feedback in the reader's language and format, with pictures. */
import { formatDateTime } from '../../i18n/format';
import type { PublishedFeedback } from '../../shared/feedback';
import { L, useText } from '../../ui/ui';
import { ft } from './i18n';

export function FeedbackView({ feedback, level = 2 }: { feedback: PublishedFeedback; level?: 1 | 2 }) {
  const dl = feedback.defaultLocale;
  const text = useText(dl);
  const H = level === 1 ? 'h2' : 'h3';
  return (
    <section class="feedback">
      <p class="lead">
        <L text={feedback.content.intro} defaultLocale={dl} />
      </p>
      <ol class="feedback-items">
        {feedback.content.items.map((item, i) => {
          const alt = item.picture ? text(item.picture.alt) : null;
          return (
            <li key={i} class="feedback-item card">
              {item.picture && alt && (
                <img src={item.picture.src} alt={alt.text} lang={alt.lang} class="feedback-picture" width={96} height={96} />
              )}
              <div>
                <H>{ft('said')}</H>
                <p>
                  <L text={item.said} defaultLocale={dl} />
                </p>
                <H>{ft('did')}</H>
                <p>
                  <L text={item.did} defaultLocale={dl} />
                </p>
              </div>
            </li>
          );
        })}
      </ol>
      <p class="hint">{ft('published', { date: formatDateTime(feedback.publishedAt) })}</p>
    </section>
  );
}
