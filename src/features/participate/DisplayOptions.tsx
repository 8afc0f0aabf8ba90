/** Display options as pictures with words. They hold for this participant only (see display.ts). */

import { display, setDisplay, type TextSize } from '../../a11y/display';
import { t } from '../../i18n/index';

const SIZES: TextSize[] = [100, 150, 200];

function Icon({ children }: { children: preact.ComponentChildren }) {
  return (
    <svg class="option-icon" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

const SIZE_ICON: Record<TextSize, number> = { 100: 12, 150: 18, 200: 26 };

/** `readAloud`: whether this engagement can be read aloud in the chosen language and format (ReadAloud.tsx). */
export function DisplayOptions({ readAloud }: { readAloud: boolean }) {
  const d = display.value;
  const toggle = (key: 'contrast' | 'spacing' | 'readAloud', icon: preact.ComponentChildren) => (
    <label class="option option-picture">
      <input type="checkbox" name={`display-${key}`} checked={d[key]} onChange={(e) => setDisplay({ [key]: e.currentTarget.checked })} />
      <Icon>{icon}</Icon>
      <span>
        <strong>{t(`display.${key}`)}</strong>
        <span class="hint">{t(`display.${key}Hint`)}</span>
      </span>
    </label>
  );
  return (
    <>
      <fieldset class="choice-group">
        <legend class="legend-m">{t('display.textSize')}</legend>
        <div class="options options-row">
          {SIZES.map((size) => (
            <label class="option option-picture" key={size}>
              <input type="radio" name="text-size" checked={d.textSize === size} onChange={() => setDisplay({ textSize: size })} />
              <Icon>
                <text x="16" y="24" text-anchor="middle" font-size={SIZE_ICON[size]} font-weight="700" fill="currentColor">
                  A
                </text>
              </Icon>
              <span>{t(`display.size${size}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset class="choice-group">
        <legend class="legend-m">{t('display.heading')}</legend>
        <div class="options">
          {toggle(
            'contrast',
            <>
              <circle cx="16" cy="16" r="12" fill="none" stroke="currentColor" stroke-width="2.5" />
              <path d="M16 4a12 12 0 0 1 0 24z" fill="currentColor" />
            </>,
          )}
          {toggle('spacing', <path d="M5 8h22M5 16h22M5 24h22M2 4v24M30 4v24" fill="none" stroke="currentColor" stroke-width="2.5" />)}
          {readAloud ? (
            toggle(
              'readAloud',
              <>
                <path d="M4 12v8h5l7 6V6l-7 6H4z" fill="currentColor" />
                <path d="M20 11a7 7 0 0 1 0 10M23.5 7.5a12 12 0 0 1 0 17" fill="none" stroke="currentColor" stroke-width="2.5" />
              </>,
            )
          ) : (
            <p class="hint" data-testid="read-aloud-unavailable">
              {t('display.readAloudUnavailable')}
            </p>
          )}
        </div>
      </fieldset>
    </>
  );
}
