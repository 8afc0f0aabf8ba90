import { useEffect, useState } from 'preact/hooks';
import { identity, syncStatus } from '../../app/device';
import { listEngagements } from '../../db/engagements';
import type { EngagementRecord } from '../../db/schema';
import { locale, t } from '../../i18n/index';
import { offersExpenses, pickText } from '../../shared/engagement';
import { formatBytes, loadOfflineStatus, mustEnrolAgain, offlineStatus, storageUsed } from './offline';
import { QueueStatus } from './QueueStatus';

function EnrolAgain() {
  return (
    <div class="error-summary" role="alert">
      <h2>{t('device.revokedHeading')}</h2>
      <p>{t('device.revoked')}</p>
      <p>
        <a class="button primary" href="/enrol">
          {t('device.enrolAgain')}
        </a>
      </p>
    </div>
  );
}

export function Home() {
  const [list, setList] = useState<EngagementRecord[] | null>(null);
  const [storage, setStorage] = useState<{ usage: number; quota: number } | null>(null);
  useEffect(() => {
    void loadOfflineStatus();
    void listEngagements().then(setList);
    void storageUsed().then(setStorage);
    if (navigator.onLine)
      void import('./download')
        .then((m) => m.refreshEngagements())
        .then(async (ok) => {
          if (!ok) return;
          setList(await listEngagements());
          setStorage(await storageUsed());
        });
  }, []);

  if (identity.value === null)
    return (
      <div>
        <h1>{t('home.welcome')}</h1>
        <p>{t('home.notEnrolled')}</p>
        <p>
          <a class="button primary" href="/enrol">
            {t('home.enrolLink')}
          </a>
        </p>
      </div>
    );

  const lng = locale.value;
  return (
    <div>
      <h1>{t('home.heading')}</h1>
      {(mustEnrolAgain.value || syncStatus.value.phase === 'revoked') && <EnrolAgain />}
      <p>{t('home.deviceName', { name: identity.value?.name ?? '' })}</p>
      <p>
        <a class="button secondary" href="/session">
          {t('device.sessionsLink')}
        </a>
      </p>
      <section aria-labelledby="engagements-heading">
        <h2 id="engagements-heading">{t('home.engagements')}</h2>
        {list === null ? (
          <p>{t('app.loading')}</p>
        ) : list.length === 0 ? (
          <p>{t('home.none')}</p>
        ) : (
          <ul class="card-list">
            {list.map((e) => {
              const title = pickText(e.content.title, lng, 'standard', e.content.defaultLocale).text;
              const off = offlineStatus.value[e.slug];
              const ready = off && off.versionId === e.versionId && off.missing === 0;
              return (
                <li key={e.slug} class="card">
                  <h3>{title}</h3>
                  <p class="hint" data-testid={`offline-${e.slug}`}>
                    {off?.unassigned
                      ? t('device.unassigned')
                      : ready
                        ? t('device.readyOfflineSize', { version: e.version, size: formatBytes(off.bytes, lng) })
                        : off
                          ? t('device.notAllAssets', { version: e.version })
                          : t('home.readyOffline', { version: e.version })}
                  </p>
                  {off?.unassigned ? null : (
                    <>
                      <a class="button primary" href={`/p/${e.slug}`}>
                        {t('home.start')}
                        <span class="visually-hidden">: {title}</span>
                      </a>{' '}
                      <a class="button secondary" href={`/paper/${e.slug}`}>
                        {t('home.paperForm')}
                        <span class="visually-hidden">: {title}</span>
                      </a>{' '}
                      {offersExpenses(e.content) && (
                        <>
                          <a class="button secondary" href={`/claim/${e.slug}`}>
                            {t('home.claimOnly')}
                            <span class="visually-hidden">: {title}</span>
                          </a>{' '}
                        </>
                      )}
                      <a class="button secondary" href={`/feedback/${e.slug}?lang=${lng}`}>
                        {t('home.feedback')}
                        <span class="visually-hidden">: {title}</span>
                      </a>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {storage && (
          <p data-testid="storage-used">
            {t('device.storage', { used: formatBytes(storage.usage, lng), quota: formatBytes(storage.quota, lng) })}
          </p>
        )}
      </section>
      <QueueStatus />
    </div>
  );
}
