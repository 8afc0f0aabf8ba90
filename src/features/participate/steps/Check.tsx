import { useState } from 'preact/hooks';
import { StorageFullError } from '../../../db/index';
import type { EngagementRecord } from '../../../db/schema';
import { buildClaim, type ClaimResult } from '../../../device/claim';
import { finishBundle, InvalidBundleError, withVoiceAttachments } from '../../../device/finish';
import {
  answers,
  claim as claimProgress,
  contact,
  go,
  monitoring,
  recordings,
  returnToCheck,
  type Step,
  startedAt,
} from '../../../device/participant';
import { list, money } from '../../../i18n/format';
import { format, locale, t } from '../../../i18n/index';
import type { Answer, BundlePayload } from '../../../shared/bundle';
import { pickText, type Question } from '../../../shared/engagement';
import { Actions, L } from '../../../ui/ui';

function answerText(q: Question, a: Answer | undefined, dl: string): string {
  const label = (id: string) => pickText(q.options?.find((o) => o.id === id)?.label, locale.value, format.value, dl).text;
  if (!a || 'skipped' in a) return t('check.skipped');
  if ('choice' in a) return label(a.choice);
  if ('choices' in a) return list(a.choices.map(label));
  if ('text' in a) return a.text;
  if ('face' in a) return t(`faces.${a.face}`);
  if ('yesno' in a) return t(`yesno.${a.yesno}`);
  if ('tokens' in a)
    return Object.entries(a.tokens)
      .map(([id, n]) => `${label(id)}: ${t('priorities.tokens', { count: n })}`)
      .join('\n');
  if ('voice' in a) return t('check.voiceRecorded');
  return t('check.answered');
}

function monitoringText(): string {
  const m = monitoring.value;
  if (!m) return t('check.notGiven');
  const parts = (['ageBand', 'gender', 'disability', 'ethnicity'] as const)
    .filter((k) => m[k])
    .map((k) => (m[k] === 'prefer_not' ? t('monitoring.preferNot') : t(`monitoring.${k}.${m[k]}`)));
  if (m.area) parts.push(m.area === 'prefer_not' ? t('monitoring.preferNot') : m.area);
  return parts.join('\n');
}

/** The claim in a few words: its total and how it is paid, never the bank details themselves. */
function claimText(c: ClaimResult | null): string {
  if (!c) return t('check.noClaim');
  // a plain sum of whole pence (shared/money is left to the claim chunk, off the first load)
  const pence = c.claim.lines.reduce((sum, l) => sum + l.amountPence, c.claim.time?.amountPence ?? 0);
  const total = t('check.claimTotal', { amount: money(pence) });
  return `${total}\n${t(`check.claimPaid.${c.claim.payment.method}`)}`;
}

/** The rows of this page that hold what the server would refuse, named as the page names them. */
function refusedParts(paths: readonly string[], questions: readonly Question[], dl: string): string[] {
  const names = paths.map((p) => {
    const [part, id] = p.split('.');
    if (part === 'answers') {
      const q = questions.find((x) => x.id === id);
      return q ? pickText(q.title, locale.value, format.value, dl).text : t('check.answered');
    }
    if (part === 'contact' || part === 'monitoring' || part === 'claim') return t(`check.${part}`);
    return t('check.answered');
  });
  return [...new Set(names)];
}

/** The hand-over's claim, once declared, as it will be sealed; null when the participant claims nothing. */
function declaredClaim(): ClaimResult | null {
  const p = claimProgress.value;
  return p?.done && p.declaration ? buildClaim(p.draft, p.declaration) : null;
}

/** `offersClaim`: the engagement offers expenses, so Check shows the claim row. */
export function Check({
  engagement,
  offersClaim,
  onSaved,
  inputMethod,
}: {
  engagement: EngagementRecord;
  offersClaim: boolean;
  onSaved: () => void;
  inputMethod?: BundlePayload['inputMethod'];
}) {
  const claim = offersClaim ? declaredClaim() : undefined;
  const { content } = engagement;
  const dl = content.defaultLocale;
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const send = async () => {
    setSaving(true);
    setFailure(null);
    try {
      // receipts first (their lines point at 0, 1, ...), then the voice clips, numbered after them
      const receipts = claim?.receipts ?? [];
      const sealed = withVoiceAttachments(answers.value, recordings.value, receipts.length);
      const { reference } = await finishBundle({
        engagement,
        answers: sealed.answers,
        attachments: [...receipts, ...sealed.attachments],
        ...(claim ? { claim: claim.claim } : {}),
        contact: contact.value,
        monitoring: monitoring.value,
        locale: locale.value,
        format: format.value,
        consentAt: startedAt.value ?? new Date().toISOString(),
        inputMethod,
      });
      go({ kind: 'done', reference });
      onSaved();
    } catch (e) {
      if (e instanceof InvalidBundleError) setFailure(t('check.invalid', { parts: list(refusedParts(e.paths, content.questions, dl)) }));
      else setFailure(e instanceof StorageFullError ? t('check.storageFull') : t('check.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  const row = (key: string, title: preact.ComponentChildren, name: string, value: string, to: Step, before?: () => void) => (
    <div class="summary-row" key={key}>
      <dt>{title}</dt>
      <dd dir="auto">{value}</dd>
      <dd>
        <button
          type="button"
          class="button link"
          onClick={() => {
            before?.();
            returnToCheck.value = true;
            go(to);
          }}
        >
          {t('check.change')}
          <span class="visually-hidden"> {name}</span>
        </button>
      </dd>
    </div>
  );
  const c = contact.value;

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
        {content.questions.map((q, i) =>
          row(
            q.id,
            <L text={q.title} defaultLocale={dl} />,
            pickText(q.title, locale.value, format.value, dl).text,
            answerText(q, answers.value[q.id], dl),
            { kind: 'question', index: i },
          ),
        )}
        {row(
          'contact',
          t('check.contact'),
          t('check.contact'),
          c ? [c.name, c.email, c.phone].filter(Boolean).join('\n') : t('check.notGiven'),
          { kind: 'contact' },
        )}
        {row('monitoring', t('check.monitoring'), t('check.monitoring'), monitoringText(), { kind: 'monitoring' })}
        {claim !== undefined &&
          row('claim', t('check.claim'), t('check.claim'), claimText(claim), claim ? { kind: 'claim' } : { kind: 'claimAsk' }, () => {
            // Change opens the claim with everything given: its costs and receipt photos
            if (claimProgress.value) claimProgress.value = { ...claimProgress.value, page: { kind: 'list' } };
          })}
      </dl>
      <Actions>
        <button type="button" class="button primary" disabled={saving} aria-disabled={saving} onClick={send}>
          {saving ? t('check.sending') : t('check.send')}
        </button>
        <button type="button" class="button secondary" onClick={() => go({ kind: claim !== undefined ? 'claimAsk' : 'monitoring' })}>
          {t('nav.back')}
        </button>
      </Actions>
    </div>
  );
}
