import { t } from '../../i18n/index';

/** The home of a device that is not set up yet: all a new browser needs (its own chunk, as is the rest of Home). */
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
