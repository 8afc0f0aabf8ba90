import { useEffect, useState } from 'preact/hooks';
import { format, locale } from '../../i18n/index';
import { applyChoice } from './Settings';

/** ?lang=ur&format=easy (links from the device, a printed QR code or the lookup) picks language and format. */
export function useChoiceFromUrl(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const q = new URLSearchParams(location.search);
    void applyChoice(q.get('lang') ?? locale.value, q.get('format') ?? format.value)
      .catch(() => applyChoice('en', null))
      .finally(() => setReady(true));
  }, []);
  return ready;
}

/**
 * A reference handed over in the fragment (`/lookup#code=7KQ2-M9XD`, from the Done screen): fragments never
 * reach a server or its logs. Read once, then dropped from the address bar and history, so the next person
 * on a shared device does not find it there.
 */
export function takeCodeFromFragment(): string {
  const code = new URLSearchParams(location.hash.slice(1)).get('code') ?? '';
  if (location.hash) history.replaceState(history.state, '', location.pathname + location.search);
  return code.slice(0, 20);
}
