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
