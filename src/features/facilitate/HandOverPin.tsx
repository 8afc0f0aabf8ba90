/**
 * What shows when a participant's hand-over is open and anything but its own pages is asked for (Back, a
 * link, a typed address): the way back to their questions, in their language, and the facilitator's PIN, in
 * the facilitator's. Wrong PINs are slowed down (src/device/pin.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { applyFacilitatorLanguage, facilitatorLocale } from '../../device/facilitator';
import { endHandOver, type HandOver, pathOf } from '../../device/handover';
import { inJourney } from '../../device/participant';
import { tryFacilitatorPin } from '../../device/pin';
import { dirOf, locale, t, tIn } from '../../i18n/index';

export function Gate({ open }: { open: HandOver }) {
  // the participant's language, read before the page turns to the facilitator's
  const [theirs] = useState(locale.value);
  // part-way through (Back pressed on a question): the way back keeps their answers, and says so
  const [underWay] = useState(inJourney);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => void applyFacilitatorLanguage(), []);
  const unlock = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const verdict = await tryFacilitatorPin(pin);
    setBusy(false);
    setPin('');
    if (verdict.ok) return void (await endHandOver());
    const at = new Date(Date.now() + verdict.waitMs);
    setError(
      verdict.waitMs > 0
        ? t('mode.wait', {
            time: at.toLocaleTimeString(facilitatorLocale.value, { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
          })
        : t('mode.wrongPin'),
    );
  };
  return (
    <div>
      <div lang={theirs} dir={dirOf(theirs)}>
        <h1>{tIn(theirs, 'mode.heading')}</h1>
        <p>
          <a class="button primary" href={pathOf(open)}>
            {tIn(theirs, underWay ? 'mode.carryOn' : 'mode.start')}
          </a>
        </p>
      </div>
      <form noValidate onSubmit={unlock} class="panel">
        <h2>{t('mode.facilitator')}</h2>
        <div class={`field${error ? ' field-error' : ''}`}>
          <label class="label" for="unlock-pin">
            {t('mode.pin')}
          </label>
          {error && (
            <p class="error-message" id="unlock-pin-error" role="alert">
              {error}
            </p>
          )}
          <input
            id="unlock-pin"
            class="input code-input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'unlock-pin-error' : undefined}
            value={pin}
            onInput={(e) => setPin(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button secondary" disabled={busy}>
          {t('mode.leave')}
        </button>
      </form>
    </div>
  );
}
