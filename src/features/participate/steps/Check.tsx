import { useState } from 'preact/hooks';
import { StorageFullError } from '../../../db/index';
import type { EngagementRecord } from '../../../db/schema';
import { format, locale, t } from '../../../i18n/index';
import type { Answer } from '../../../shared/bundle';
import { pickText, type Question } from '../../../shared/engagement';
import { finishBundle } from '../finish';
import { answers, go, returnToCheck, startedAt } from '../state';
import { Actions, L } from '../ui';

function answerText(q: Question, a: Answer | undefined, dl: string): string {
  const label = (id: string) => pickText(q.options?.find((o) => o.id === id)?.label, locale.value, format.value, dl).text;
  if (!a || 'skipped' in a) return t('check.skipped');
  if ('choice' in a) return label(a.choice);
  if ('choices' in a) return a.choices.map(label).join(', ');
  if ('text' in a) return a.text;
  if ('face' in a) return t(`faces.${a.face}`);
  if ('yesno' in a) return t(`yesno.${a.yesno}`);
  return t('check.answered');
}

export function Check({ engagement, onSaved }: { engagement: EngagementRecord; onSaved: () => void }) {
  const { content } = engagement;
  const dl = content.defaultLocale;
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const send = async () => {
    setSaving(true);
    setFailure(null);
    try {
      const { reference } = await finishBundle({
        engagement,
        answers: answers.value,
        locale: locale.value,
        format: format.value,
        consentAt: startedAt.value ?? new Date().toISOString(),
      });
      go({ kind: 'done', reference });
      onSaved();
    } catch (e) {
      setFailure(e instanceof StorageFullError ? t('check.storageFull') : t('check.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <div>
      <h1>{t('check.heading')}</h1>
      {failure && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={(el) => el?.focus()}>
          <h2>{t('error.summaryTitle')}</h2>
          <p>{failure}</p>
        </div>
      )}
      <dl class="summary">
        {content.questions.map((q, i) => (
          <div class="summary-row" key={q.id}>
            <dt>
              <L text={q.title} defaultLocale={dl} />
            </dt>
            <dd dir="auto">{answerText(q, answers.value[q.id], dl)}</dd>
            <dd>
              <button
                type="button"
                class="button link"
                onClick={() => {
                  returnToCheck.value = true;
                  go({ kind: 'question', index: i });
                }}
              >
                {t('check.change')}
                <span class="visually-hidden"> {pickText(q.title, locale.value, format.value, dl).text}</span>
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <Actions>
        <button type="button" class="button primary" disabled={saving} aria-disabled={saving} onClick={send}>
          {saving ? t('check.sending') : t('check.send')}
        </button>
        <button type="button" class="button secondary" onClick={() => go({ kind: 'question', index: content.questions.length - 1 })}>
          {t('nav.back')}
        </button>
      </Actions>
    </div>
  );
}
