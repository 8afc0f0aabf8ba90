import { t } from '../../../i18n/index';
import { ReferenceCode } from '../../../ui/Reference';

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
      <ReferenceCode reference={reference} />
      <h2>{t('done.nextHeading')}</h2>
      <p>{t('done.nextText')}</p>
      <button type="button" class="button primary" onClick={onFinish}>
        {t('done.finish')}
      </button>
    </div>
  );
}
