// This module is in the first load: keep it small, and import() what the first screen does not need.
import { t } from '../i18n/index';

/** What shows while code or data is on its way; it appears only if that takes a moment (see `.loading`). */
export function Loading() {
  return (
    <p class="loading" role="status">
      {t('app.loading')}
    </p>
  );
}
