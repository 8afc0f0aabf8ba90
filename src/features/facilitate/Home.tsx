import { useEffect, useState } from 'preact/hooks';
import { downloadEngagements, identity } from '../../app/device';
import { listEngagements } from '../../db/engagements';
import type { EngagementRecord } from '../../db/schema';
import { locale, t } from '../../i18n/index';
import { pickText } from '../../shared/engagement';
import { QueueStatus } from './QueueStatus';

export function Home() {
  const [list, setList] = useState<EngagementRecord[] | null>(null);
  useEffect(() => {
    void listEngagements().then(setList);
    if (navigator.onLine)
      void downloadEngagements().then(async (ok) => {
        if (ok) setList(await listEngagements());
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

  return (
    <div>
      <h1>{t('home.heading')}</h1>
      <p>{t('home.deviceName', { name: identity.value?.name ?? '' })}</p>
      <section aria-labelledby="engagements-heading">
        <h2 id="engagements-heading">{t('home.engagements')}</h2>
        {list === null ? (
          <p>{t('app.loading')}</p>
        ) : list.length === 0 ? (
          <p>{t('home.none')}</p>
        ) : (
          <ul class="card-list">
            {list.map((e) => {
              const title = pickText(e.content.title, locale.value, 'standard', e.content.defaultLocale).text;
              return (
                <li key={e.slug} class="card">
                  <h3>{title}</h3>
                  <p class="hint">{t('home.readyOffline', { version: e.version })}</p>
                  <a class="button primary" href={`/p/${e.slug}`}>
                    {t('home.start')}
                    <span class="visually-hidden">: {title}</span>
                  </a>
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
