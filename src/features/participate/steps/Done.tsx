import { t } from '../../../i18n/index';
import { QrCode } from '../QrCode';

export function Done({ reference, onFinish }: { reference: string; onFinish: () => void }) {
  return (
    <div>
      <div class="panel-success">
        <h1>{t('done.heading')}</h1>
        <p>{t('done.saved')}</p>
      </div>
      <h2>{t('done.referenceHeading')}</h2>
      <p>{t('done.referenceText')}</p>
      <div class="reference-box">
        <p class="reference">{reference}</p>
        <QrCode value={reference} label={t('done.qrLabel', { code: reference })} />
      </div>
      <h2>{t('done.nextHeading')}</h2>
      <p>{t('done.nextText')}</p>
      <button type="button" class="button primary" onClick={onFinish}>
        {t('done.finish')}
      </button>
    </div>
  );
}
