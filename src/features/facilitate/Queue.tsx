import { useEffect, useState } from 'preact/hooks';
import { outbox } from '../../db/index';
import type { OutboxRecord } from '../../db/schema';
import { identity, queue, refreshQueue, refreshStorage, storage } from '../../device/device';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/index';
import { buildExport, downloadJson } from '../../sync/export';
import { QueueStatus } from './QueueStatus';

/** The facilitator's queue screen: counts, progress, storage, and each answer that needs attention. */
export function Queue() {
  const [stuck, setStuck] = useState<OutboxRecord[] | null>(null);
  const [exported, setExported] = useState<number | null>(null);
  const attentionCount = queue.value.attention;
  useEffect(() => {
    void refreshQueue();
    void refreshStorage();
  }, []);
  useEffect(() => {
    void outbox.attention().then((list) => setStuck(list.sort((a, b) => a.createdAt.localeCompare(b.createdAt))));
  }, [attentionCount]);

  const exportStuck = async () => {
    const file = await buildExport(outbox, identity.value ?? null);
    downloadJson(file, `blether-export-${file.exportedAt.slice(0, 19).replace(/[:T]/g, '-')}.json`);
    setExported(file.bundles.length);
  };

  const s = storage.value;
  return (
    <div>
      <h1>{t('queue.screenHeading')}</h1>
      <QueueStatus details={false} />
      {s && <p data-testid="storage-persisted">{s.persisted ? t('queue.storagePersisted') : t('queue.storageNotPersisted')}</p>}
      <section class="panel" aria-labelledby="attention-heading">
        <h2 id="attention-heading">{t('queue.attentionHeading')}</h2>
        {stuck === null ? (
          <p>{t('app.loading')}</p>
        ) : stuck.length === 0 ? (
          <p>{t('queue.attentionNone')}</p>
        ) : (
          <>
            <ul class="card-list" data-testid="attention-list">
              {stuck.map((r) => (
                <li key={r.id} class="card">
                  <p>
                    <strong>{t('queue.attentionSaved', { time: formatDateTime(r.createdAt) })}</strong>
                  </p>
                  {r.status === 'refused' && r.retryAt && (
                    <p data-testid="upload-refused">{t('queue.uploadRefused', { time: formatDateTime(r.retryAt) })}</p>
                  )}
                  <p class="reason">{r.reason}</p>
                </li>
              ))}
            </ul>
            <p class="hint">{t('queue.exportHint')}</p>
            <button type="button" class="button primary" onClick={() => void exportStuck()}>
              {t('queue.exportButton')}
            </button>
            {exported !== null && <p role="status">{t('queue.exported', { count: exported })}</p>}
          </>
        )}
      </section>
      <p>
        <a href="/">{t('journey.backHome')}</a>
      </p>
    </div>
  );
}
