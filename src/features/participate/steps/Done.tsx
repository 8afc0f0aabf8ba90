import { ltr } from '../../../i18n/format';
import { format, locale, t } from '../../../i18n/index';
import { QrCode } from '../QrCode';

/** The lookup page's address, and a link there with the code in the fragment (never sent to a server or logged). */
function LookupLater({ reference }: { reference: string }) {
  const href = `/lookup?lang=${encodeURIComponent(locale.value)}&format=${format.value}#code=${reference}`;
  return (
    <>
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

export function Done({ reference, onFinish, paper }: { reference: string; onFinish: () => void; paper?: boolean }) {
  if (paper)
    return (
      <div>
        <div class="panel-success">
          <h1>{t('paper.doneHeading')}</h1>
          <p>{t('paper.doneText')}</p>
        </div>
        <div class="reference-box">
          <p class="reference" dir="ltr">
            {reference}
          </p>
        </div>
        <button type="button" class="button primary" onClick={onFinish}>
          {t('paper.another')}
        </button>{' '}
        <a class="button secondary" href="/">
          {t('paper.home')}
        </a>
      </div>
    );
  return (
    <div>
      <div class="panel-success">
        <h1>{t('done.heading')}</h1>
        <p>{t('done.saved')}</p>
      </div>
      <h2>{t('done.referenceHeading')}</h2>
      <p>{t('done.referenceText')}</p>
      <div class="reference-box">
        <p class="reference" dir="ltr">
          {reference}
        </p>
        <QrCode value={reference} label={t('done.qrLabel', { code: ltr(reference) })} />
      </div>
      <LookupLater reference={reference} />
      <h2>{t('done.nextHeading')}</h2>
      <p>{t('done.nextText')}</p>
      <button type="button" class="button primary" onClick={onFinish}>
        {t('done.finish')}
      </button>
    </div>
  );
}
