/** Optional equality monitoring: every question may be left, and every one has "Prefer not to say". */
import { useState } from 'preact/hooks';
import { go, goOnFrom, monitoring, returnToCheck } from '../../../device/participant';
import { t } from '../../../i18n/index';
import type { Monitoring as MonitoringValue } from '../../../shared/bundle';
import { MONITORING_OPTIONS } from '../../../shared/monitoring';
import { Actions } from '../../../ui/ui';

type Key = keyof typeof MONITORING_OPTIONS;
const KEYS = Object.keys(MONITORING_OPTIONS) as Key[];

/** `claim`: the engagement offers expenses, so the claim question comes next. */
export function Monitoring({ claim = false }: { claim?: boolean }) {
  const [v, setV] = useState<MonitoringValue>(monitoring.value ?? {});
  const areaPreferNot = v.area === 'prefer_not';
  return (
    <form
      noValidate
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        const area = v.area?.trim();
        const kept: MonitoringValue = { ...v, ...(area ? { area } : {}) };
        if (!area) delete kept.area;
        monitoring.value = Object.keys(kept).length ? kept : null;
        goOnFrom('monitoring', { claim });
      }}
    >
      <h1>{t('monitoring.heading')}</h1>
      <p>{t('monitoring.intro')}</p>
      {KEYS.map((key) => (
        <fieldset class="choice-group" key={key}>
          <legend class="legend-m">{t(`monitoring.${key}.question`)}</legend>
          <div class="options">
            {MONITORING_OPTIONS[key].map((value) => (
              <label class="option" key={value}>
                <input
                  type="radio"
                  name={`monitoring-${key}`}
                  value={value}
                  checked={v[key] === value}
                  onChange={() => setV({ ...v, [key]: value })}
                />
                <span>{value === 'prefer_not' ? t('monitoring.preferNot') : t(`monitoring.${key}.${value}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <fieldset class="choice-group">
        <legend class="legend-m">{t('monitoring.area.question')}</legend>
        <label class="label" for="monitoring-area">
          {t('monitoring.area.label')}
        </label>
        <p class="hint" id="monitoring-area-hint">
          {t('monitoring.area.hint')}
        </p>
        <input
          id="monitoring-area"
          class="input area-input"
          dir="auto"
          autoComplete="off"
          aria-describedby="monitoring-area-hint"
          disabled={areaPreferNot}
          value={areaPreferNot ? '' : (v.area ?? '')}
          onInput={(e) => setV({ ...v, area: e.currentTarget.value })}
        />
        <label class="option option-inline">
          <input
            type="checkbox"
            checked={areaPreferNot}
            onChange={(e) => setV({ ...v, area: e.currentTarget.checked ? 'prefer_not' : '' })}
          />
          <span>{t('monitoring.preferNot')}</span>
        </label>
      </fieldset>
      <Actions>
        <button type="submit" class="button primary">
          {t('nav.continue')}
        </button>
        <button
          type="button"
          class="button secondary"
          onClick={() => {
            monitoring.value = null;
            goOnFrom('monitoring', { claim });
          }}
        >
          {t('monitoring.skip')}
        </button>
        {!returnToCheck.value && (
          <button type="button" class="button secondary" onClick={() => go({ kind: 'contact' })}>
            {t('nav.back')}
          </button>
        )}
      </Actions>
    </form>
  );
}
