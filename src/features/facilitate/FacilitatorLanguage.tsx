/** The facilitator's own language for their screens (participants choose theirs on the start page). */
import { chooseFacilitatorLocale, facilitatorLocale } from '../../device/facilitator';
import { t } from '../../i18n/index';
import { isLocale, LOCALE_INFO } from '../../shared/locales';

export function FacilitatorLanguage() {
  return (
    <div class="field">
      <label class="label" for="facilitator-language">
        {t('home.facilitatorLanguage')}
      </label>
      <select
        id="facilitator-language"
        class="input"
        value={facilitatorLocale.value}
        onChange={(e) => {
          const lng = e.currentTarget.value;
          if (isLocale(lng)) void chooseFacilitatorLocale(lng);
        }}
      >
        {Object.entries(LOCALE_INFO).map(([code, info]) => (
          <option key={code} value={code} lang={code}>
            {info.name}
          </option>
        ))}
      </select>
    </div>
  );
}
