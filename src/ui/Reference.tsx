/**
 * The reference code on a Done screen (the journey's and a claim made on its own): the code, its QR code and
 * where to look it up later, in the participant's language. The link carries the code in the fragment, which
 * is never sent to a server or logged.
 */
import { ltr } from '../i18n/format';
import { format, locale, t } from '../i18n/index';
import { QrCode } from './QrCode';

export function ReferenceCode({ reference }: { reference: string }) {
  const href = `/lookup?lang=${encodeURIComponent(locale.value)}&format=${format.value}#code=${reference}`;
  return (
    <>
      <h2>{t('done.referenceHeading')}</h2>
      <p>{t('done.referenceText')}</p>
      <div class="reference-box">
        <p class="reference" dir="ltr">
          {reference}
        </p>
        <QrCode value={reference} label={t('done.qrLabel', { code: ltr(reference) })} />
      </div>
      <h2>{t('done.lookupHeading')}</h2>
      {/* the address is isolated left-to-right, so it reads right inside Arabic or Urdu text */}
      <p>{t('done.lookupText', { address: ltr(`${location.host}/lookup`) })}</p>
      <p>
        <a class="text-link" href={href} data-testid="lookup-link">
          {t('done.lookupLink')}
        </a>
      </p>
    </>
  );
}
