// This module is in the first load: keep it small, and import() what the first screen does not need.
import { t } from '../../i18n/index';

/** The home of a device that is not set up yet: all a new browser needs, so the rest of Home is import()ed. */
export function Welcome() {
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
}
