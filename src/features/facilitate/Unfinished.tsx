/**
 * Answers a participant left unfinished (they walked away, the facilitator took the device back with the
 * PIN): never shown to the next participant; here, behind the PIN, the facilitator can carry on with the
 * same person or delete them. Drafts are purged after 24 hours in any case.
 */
import { useEffect, useState } from 'preact/hooks';
import { deleteDraft } from '../../db/drafts';
import { abandonedDrafts } from '../../device/abandoned-drafts';
import type { HandOverDraft } from '../../device/draft';
import { pathOf, startHandOver } from '../../device/handover';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/index';
import { useLocation } from '../../ui/router';

type Listed = { id: string; updatedAt: string; value: HandOverDraft };

function where(d: HandOverDraft): string {
  const s = d.step;
  if (s.kind === 'question') return t('home.unfinishedAtQuestion', { n: s.index + 1 });
  return t(`home.unfinishedAt.${s.kind === 'claim' || s.kind === 'claimAsk' ? 'claim' : s.kind === 'check' ? 'check' : 'other'}`);
}

export function Unfinished() {
  const [list, setList] = useState<Listed[]>([]);
  const { route } = useLocation();
  const load = () => void abandonedDrafts(null).then(setList);
  useEffect(load, []);
  if (list.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="unfinished-heading" data-testid="unfinished">
      <h2 id="unfinished-heading">{t('home.unfinishedHeading')}</h2>
      <p>{t('home.unfinishedIntro')}</p>
      <ul class="card-list">
        {list.map((d) => {
          const label = t('home.unfinishedLine', { time: formatDateTime(d.updatedAt), where: where(d.value) });
          const kind = d.value.kind === 'claim' ? 'claim' : 'journey';
          return (
            <li key={d.id} class="card">
              <p>{label}</p>
              <button
                type="button"
                class="button primary"
                onClick={async () => {
                  await startHandOver(d.value.slug, kind, d.value.defaultLocale, d.id);
                  route(pathOf({ slug: d.value.slug, kind }));
                }}
              >
                {t('home.resume')}
                <span class="visually-hidden">: {label}</span>
              </button>{' '}
              <button
                type="button"
                class="button warning"
                onClick={async () => {
                  await deleteDraft(d.id);
                  load();
                }}
              >
                {t('home.deleteDraft')}
                <span class="visually-hidden">: {label}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
