import { queue, syncNow, syncStatus } from '../../app/device';
import { formatDateTime, t } from '../../i18n/index';

/** What waits on the device and how sending is going, for the facilitator. */
export function QueueStatus() {
  const q = queue.value;
  const s = syncStatus.value;
  const sending = s.phase === 'sending';
  return (
    <section class="panel" aria-labelledby="queue-heading">
      <h2 id="queue-heading">{t('queue.heading')}</h2>
      <dl class="figures">
        <div>
          <dt>{t('queue.waitingLabel')}</dt>
          <dd data-testid="queue-waiting">{q.waiting}</dd>
        </div>
        <div>
          <dt>{t('queue.attentionLabel')}</dt>
          <dd data-testid="queue-attention">{q.attention}</dd>
        </div>
      </dl>
      <p role="status" data-testid="queue-summary">
        {sending
          ? t('queue.sending', { sent: s.progress.sent, total: s.progress.total })
          : q.waiting === 0
            ? t('queue.allSent')
            : t('queue.waiting', { count: q.waiting })}
      </p>
      {sending && <progress max={s.progress.total} value={s.progress.sent} aria-label={t('queue.progressLabel')} />}
      {s.phase === 'offline' && <p>{t('queue.offline')}</p>}
      {(s.phase === 'error' || s.phase === 'revoked') && <p class="error-message">{s.message ?? t('queue.serverError')}</p>}
      <p>{s.lastSuccessAt ? t('queue.lastSync', { time: formatDateTime(s.lastSuccessAt) }) : t('queue.neverSynced')}</p>
      <button type="button" class="button secondary" disabled={sending} onClick={() => void syncNow(true)}>
        {t('queue.syncNow')}
      </button>
    </section>
  );
}
