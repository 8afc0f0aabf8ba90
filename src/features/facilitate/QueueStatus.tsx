import { queue, sentToday, storage, syncNow, syncStatus } from '../../device/device';
import { formatBytes, formatDateTime } from '../../i18n/format';
import { locale, t } from '../../i18n/index';

const size = (bytes: number) => formatBytes(bytes, locale.value);

/** How full the device is, with an early warning while there is still room. */
export function StorageMeter() {
  const s = storage.value;
  if (!s) return null;
  return (
    <div class="storage" data-testid="storage">
      {s.quota > 0 && (
        <>
          <p id="storage-use">{t('queue.storageUse', { used: size(s.usage), quota: size(s.quota) })}</p>
          <meter min={0} max={s.quota} value={s.usage} high={s.quota * 0.9} aria-labelledby="storage-use" />
        </>
      )}
      {s.low && (
        <p class="error-message" role="alert" data-testid="storage-low">
          {s.fullAt ? t('queue.storageFull') : t('queue.storageLow')}
        </p>
      )}
    </div>
  );
}

/** What waits on the device and how sending is going, for the facilitator. */
export function QueueStatus({ details = true }: { details?: boolean }) {
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
          <dt>{t('queue.sendingLabel')}</dt>
          <dd data-testid="queue-sending">{sending ? s.inFlight : 0}</dd>
        </div>
        <div>
          <dt>{t('queue.sentTodayLabel')}</dt>
          <dd data-testid="queue-sent-today">{sentToday.value}</dd>
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
      {s.phase === 'slow' && <p>{t('queue.slow')}</p>}
      {(s.phase === 'error' || s.phase === 'revoked') && <p class="error-message">{s.message ?? t('queue.serverError')}</p>}
      <p data-testid="last-sync">
        {s.lastSuccessAt ? t('queue.lastSync', { time: formatDateTime(s.lastSuccessAt) }) : t('queue.neverSynced')}
      </p>
      <StorageMeter />
      <p class="actions">
        <button type="button" class="button secondary" disabled={sending} onClick={() => void syncNow(true)}>
          {t('queue.syncNow')}
        </button>
        {details && (
          <a class="button secondary" href="/queue">
            {t('queue.openQueue')}
          </a>
        )}
      </p>
    </section>
  );
}
