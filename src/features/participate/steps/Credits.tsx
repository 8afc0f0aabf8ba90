/** Attribution for the open-licence pictures and the recorded clips (see public/pictograms/ATTRIBUTION.md). */
import { t } from '../../../i18n/index';

export function Credits() {
  return (
    <div>
      <h1>{t('credits.heading')}</h1>
      <p>{t('credits.openmoji')}</p>
      <p>
        <a class="text-link" href="https://creativecommons.org/licenses/by-sa/4.0/" lang="en" dir="ltr">
          creativecommons.org/licenses/by-sa/4.0
        </a>
      </p>
      <p>{t('credits.sounds')}</p>
      <button type="button" class="button secondary" onClick={() => history.back()}>
        {t('credits.back')}
      </button>
    </div>
  );
}
