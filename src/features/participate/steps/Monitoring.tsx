/** Optional equality monitoring: every question may be left, and every one has "Prefer not to say". */
import { useState } from 'preact/hooks';
import { go, goOnFrom, monitoring, returnToCheck, settle, usePending } from '../../../device/participant';
import { t } from '../../../i18n/index';
import { MonitoringSchema, type Monitoring as MonitoringValue } from '../../../shared/bundle';
import { problemPaths } from '../../../shared/issues';
import { LIMITS } from '../../../shared/limits';
import { MONITORING_OPTIONS } from '../../../shared/monitoring';
import { Actions, ErrorSummary, type FieldError } from '../../../ui/ui';

type Key = keyof typeof MONITORING_OPTIONS;
const KEYS = Object.keys(MONITORING_OPTIONS) as Key[];

/** `claim`: the engagement offers expenses, so the claim question comes next. */
export function Monitoring({ claim = false }: { claim?: boolean }) {
  const [v, setV] = usePending<MonitoringValue>('monitoring', monitoring.value ?? {});
  const areaPreferNot = v.area === 'prefer_not';
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const areaError = errors[0]?.text;
  return (
    <form
      noValidate
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        const area = v.area?.trim();
        const kept: MonitoringValue = { ...v, ...(area ? { area } : {}) };
        if (!area) delete kept.area;
        // the choices are fixed; the area is typed, so the opener's schema checks it here first
        const found = problemPaths(MonitoringSchema, kept).length
          ? [{ target: 'monitoring-area', text: t('monitoring.areaTooLong', { max: LIMITS.area }) }]
          : [];
        setErrors(found);
        setAttempt(attempt + 1);
        if (found.length) return;
        monitoring.value = Object.keys(kept).length ? kept : null;
        settle('monitoring');
        goOnFrom('monitoring', { claim });
      }}
    >
      <ErrorSummary errors={errors} attempt={attempt} />
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
      <fieldset class={`choice-group${areaError ? ' field-error' : ''}`}>
        <legend class="legend-m">{t('monitoring.area.question')}</legend>
        <label class="label" for="monitoring-area">
          {t('monitoring.area.label')}
        </label>
        <p class="hint" id="monitoring-area-hint">
          {t('monitoring.area.hint')}
        </p>
        {areaError && (
          <p class="error-message" id="monitoring-area-error">
            {areaError}
          </p>
        )}
        <input
          id="monitoring-area"
          class="input area-input"
          dir="auto"
          autoComplete="off"
          maxLength={LIMITS.area}
          aria-invalid={areaError ? 'true' : undefined}
          aria-describedby={areaError ? 'monitoring-area-hint monitoring-area-error' : 'monitoring-area-hint'}
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
            settle('monitoring');
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
