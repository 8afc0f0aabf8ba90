import { useEffect, useState } from 'preact/hooks';
import { syncNow } from '../../device/device';
import { enrol } from '../../device/enrol';
import { mustEnrolAgain } from '../../device/offline';
import { PIN_PATTERN, setFacilitatorPin } from '../../device/pin';
import { t } from '../../i18n/index';
import { useLocation } from '../../ui/router';
import { ErrorSummary, type FieldError } from '../../ui/ui';

function codeFromHash(): string {
  const m = /code=([A-Za-z0-9-]+)/.exec(location.hash);
  return m?.[1] ?? '';
}

export function Enrol() {
  const { route } = useLocation();
  const [code, setCode] = useState(codeFromHash);
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [pin2, setPin2] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    // a scanned or pasted link may arrive while this screen is already open
    const onHash = () => codeFromHash() && setCode(codeFromHash());
    window.addEventListener('hashchange', onHash);
    // and one that arrived between the first render and this listener
    onHash();
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    const found: FieldError[] = [];
    if (!code.trim()) found.push({ target: 'enrol-code', text: t('enrol.codeMissing') });
    if (!name.trim()) found.push({ target: 'enrol-name', text: t('enrol.nameMissing') });
    if (!PIN_PATTERN.test(pin)) found.push({ target: 'enrol-pin', text: t('enrol.pinMissing') });
    else if (pin !== pin2) found.push({ target: 'enrol-pin2', text: t('enrol.pinMismatch') });
    setErrors(found);
    if (found.length) return;
    setBusy(true);
    const result = await enrol(code.trim(), name.trim());
    setBusy(false);
    if (result.ok) {
      // only a salted hash of the PIN is kept, on this device
      await setFacilitatorPin(pin);
      mustEnrolAgain.value = false;
      // the home it goes to gets the engagements' pictures, clips and feedback ready offline as it opens
      // bundles kept from before a revocation go now
      void syncNow(true);
      history.replaceState(null, '', '/enrol');
      route('/', true);
    } else setErrors([{ target: 'enrol-code', text: result.message === 'offline' ? t('enrol.offline') : result.message }]);
  };
  const err = (id: string) => errors.find((e) => e.target === id);

  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} />
      <h1>{t('enrol.heading')}</h1>
      <p>{t('enrol.intro')}</p>
      <div class={`field${err('enrol-code') ? ' field-error' : ''}`}>
        <label for="enrol-code" class="label">
          {t('enrol.code')}
        </label>
        <p class="hint" id="enrol-code-hint">
          {t('enrol.codeHint')}
        </p>
        {err('enrol-code') && (
          <p class="error-message" id="enrol-code-error">
            {err('enrol-code')?.text}
          </p>
        )}
        <input
          id="enrol-code"
          class="input code-input"
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          aria-describedby={`enrol-code-hint${err('enrol-code') ? ' enrol-code-error' : ''}`}
          aria-invalid={err('enrol-code') ? 'true' : undefined}
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
      </div>
      <div class={`field${err('enrol-name') ? ' field-error' : ''}`}>
        <label for="enrol-name" class="label">
          {t('enrol.name')}
        </label>
        <p class="hint" id="enrol-name-hint">
          {t('enrol.nameHint')}
        </p>
        {err('enrol-name') && (
          <p class="error-message" id="enrol-name-error">
            {err('enrol-name')?.text}
          </p>
        )}
        <input
          id="enrol-name"
          class="input"
          autoComplete="off"
          aria-describedby={`enrol-name-hint${err('enrol-name') ? ' enrol-name-error' : ''}`}
          aria-invalid={err('enrol-name') ? 'true' : undefined}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </div>
      {(
        [
          ['enrol-pin', 'pin', pin, setPin],
          ['enrol-pin2', 'pinAgain', pin2, setPin2],
        ] as const
      ).map(([id, key, value, set]) => (
        <div key={id} class={`field${err(id) ? ' field-error' : ''}`}>
          <label for={id} class="label">
            {t(`enrol.${key}`)}
          </label>
          {key === 'pin' && (
            <p class="hint" id={`${id}-hint`}>
              {t('enrol.pinHint')}
            </p>
          )}
          {err(id) && (
            <p class="error-message" id={`${id}-error`}>
              {err(id)?.text}
            </p>
          )}
          <input
            id={id}
            class="input code-input"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            aria-describedby={[key === 'pin' ? `${id}-hint` : '', err(id) ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
            aria-invalid={err(id) ? 'true' : undefined}
            value={value}
            onInput={(e) => set(e.currentTarget.value)}
          />
        </div>
      ))}
      <button type="submit" class="button primary" disabled={busy}>
        {t('enrol.submit')}
      </button>
    </form>
  );
}
