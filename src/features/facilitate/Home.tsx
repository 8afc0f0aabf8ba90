import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { listEngagements } from '../../db/engagements';
import type { EngagementRecord } from '../../db/schema';
import { identity, refreshStorage, syncStatus } from '../../device/device';
import { type HandOverKind, pathOf, startHandOver } from '../../device/handover';
import { loadOfflineStatus, mustEnrolAgain, offlineStatus, type Removal, removal } from '../../device/offline';
import { formatBytes } from '../../i18n/format';
import { locale, t } from '../../i18n/index';
import { hasRateCard, pickText } from '../../shared/engagement';
import { useLocation } from '../../ui/router';
import { FacilitatorLanguage } from './FacilitatorLanguage';
import { QueueStatus } from './QueueStatus';
import { Unfinished } from './Unfinished';
import { Welcome } from './Welcome';

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

/** What a removed device says is import()ed: most devices never need it. */
function useRemovedView(): FunctionComponent<{ removal: Removal }> | null {
  const [view, setView] = useState<FunctionComponent<{ removal: Removal }> | null>(null);
  const phase = syncStatus.value.phase;
  useEffect(() => {
    if (removal.value && !view) void import('./Removed').then((m) => setView(() => m.Removed));
  }, [removal.value, view]);
  useEffect(() => {
    // a sync refused as revoked: the engagement download asks again and learns who removed it and when
    if (phase === 'revoked' && !removal.value) void import('../../device/download').then((m) => m.refreshEngagements());
  }, [phase]);
  return view;
}

export function Home() {
  const [list, setList] = useState<EngagementRecord[] | null>(null);
  const { route } = useLocation();
  const RemovedView = useRemovedView();
  useEffect(() => {
    void loadOfflineStatus();
    void listEngagements().then(setList);
    void refreshStorage();
    // a device that is not set up has nothing to refresh, so it does not load the download code
    if (navigator.onLine && identity.value)
      void import('../../device/download')
        .then((m) => m.refreshEngagements())
        .then(async (ok) => {
          if (!ok) return;
          setList(await listEngagements());
          void refreshStorage();
        });
  }, []);
  // every way of giving the device to a participant starts a hand-over: participant mode until the PIN
  const handOver = async (e: EngagementRecord, kind: HandOverKind) => {
    await startHandOver(e.slug, kind, e.content.defaultLocale);
    route(pathOf({ slug: e.slug, kind }));
  };

  if (identity.value === null) return <Welcome />;

  const lng = locale.value;
  const removed = removal.value;
  if (removed)
    return (
      <div>
        <h1>{t('home.heading')}</h1>
        {RemovedView ? <RemovedView removal={removed} /> : <p>{t('app.loading')}</p>}
        <p>{t('home.deviceName', { name: identity.value?.name ?? '' })}</p>
        <FacilitatorLanguage />
        <QueueStatus />
      </div>
    );
  return (
    <div>
      <h1>{t('home.heading')}</h1>
      {(mustEnrolAgain.value || syncStatus.value.phase === 'revoked') && <EnrolAgain />}
      <p>{t('home.deviceName', { name: identity.value?.name ?? '' })}</p>
      <FacilitatorLanguage />
      <Unfinished />
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
                      <button type="button" class="button primary" onClick={() => void handOver(e, 'journey')}>
                        {t('home.start')}
                        <span class="visually-hidden">: {title}</span>
                      </button>{' '}
                      <a class="button secondary" href={`/paper/${e.slug}`}>
                        {t('home.paperForm')}
                        <span class="visually-hidden">: {title}</span>
                      </a>{' '}
                      {hasRateCard(e.content) && (
                        <>
                          <button type="button" class="button secondary" onClick={() => void handOver(e, 'claim')}>
                            {t('home.claimOnly')}
                            <span class="visually-hidden">: {title}</span>
                          </button>{' '}
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
      </section>
      <QueueStatus />
    </div>
  );
}
