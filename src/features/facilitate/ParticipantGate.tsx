// This module is in the first load: keep it small, and import() what the first screen does not need.
/** What a facilitator screen shows while in participant mode: the way back to the journey, and the PIN. */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/index';
import { leaveParticipantMode, loadParticipantMode, participantMode } from './mode';
import { checkFacilitatorPin } from './pin';

function Gate({ slug }: { slug: string }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState(false);
  const [busy, setBusy] = useState(false);
  const unlock = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const ok = await checkFacilitatorPin(pin);
    setBusy(false);
    setPin('');
    if (ok) await leaveParticipantMode();
    else setError(true);
  };
  return (
    <div>
      <h1>{t('mode.heading')}</h1>
      <p>
        <a class="button primary" href={`/p/${slug}`}>
          {t('mode.start')}
        </a>
      </p>
      <form noValidate onSubmit={unlock} class="panel">
        <h2>{t('mode.facilitator')}</h2>
        <div class={`field${error ? ' field-error' : ''}`}>
          <label class="label" for="unlock-pin">
            {t('mode.pin')}
          </label>
          {error && (
            <p class="error-message" id="unlock-pin-error" role="alert">
              {t('mode.wrongPin')}
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

/** Wraps every facilitator screen: in participant mode only the gate shows. */
export function FacilitatorOnly({ children }: { children: ComponentChildren }) {
  useEffect(() => {
    if (participantMode.value === undefined) void loadParticipantMode();
  }, []);
  const mode = participantMode.value;
  if (mode === undefined) return null;
  if (mode) return <Gate slug={mode} />;
  return <>{children}</>;
}
