/**
 * What a device an organiser removed says on its home screen: who removed it and when, that its engagements
 * are gone, and that its unsent answers are kept, with an export of them (still sealed) for staff.
 */
import { useState } from 'preact/hooks';
import { outbox } from '../../db/index';
import { identity, queue } from '../../device/device';
import type { Removal } from '../../device/offline';
import { day } from '../../i18n/format';
import { t } from '../../i18n/index';
import { buildExport, downloadJson } from '../../sync/export';

async function exportUnsent(): Promise<void> {
  const file = await buildExport(outbox, identity.value ?? null, true);
  downloadJson(file, `blether-unsent-${file.exportedAt.slice(0, 19).replace(/[:T]/g, '-')}.json`);
}

export function Removed({ removal }: { removal: Removal }) {
  const [exported, setExported] = useState(false);
  const unsent = queue.value.waiting + queue.value.attention;
  return (
    <section class="error-summary" role="alert" aria-labelledby="removed-heading" data-testid="device-removed">
      <h2 id="removed-heading">{t('device.removedHeading')}</h2>
      <p>{t('device.removed', { organisation: removal.organisation, date: day(removal.revokedAt) })}</p>
      <p>{unsent > 0 ? t('device.removedKept') : t('device.removedNothingUnsent')}</p>
      <p>
        {unsent > 0 && (
          <>
            <button type="button" class="button primary" onClick={() => void exportUnsent().then(() => setExported(true))}>
              {t('device.removedExport')}
            </button>{' '}
          </>
        )}
        <a class="button secondary" href="/enrol">
          {t('device.enrolAgain')}
        </a>
      </p>
      {exported && <p role="status">{t('device.removedExported')}</p>}
    </section>
  );
}
