/** Optional contact for feedback. autocomplete="off": on a shared device the browser must not offer
 *  the last participant's email to the next one. */
import { useState } from 'preact/hooks';
import { contact, go, goOnFrom, returnToCheck, settle, usePending } from '../../../device/participant';
import { t } from '../../../i18n/index';
import { ContactSchema, type Contact as ContactValue } from '../../../shared/bundle';
import { problemPaths } from '../../../shared/issues';
import { LIMITS } from '../../../shared/limits';
import { Actions, ErrorSummary, type FieldError } from '../../../ui/ui';

const given = (c: Required<ContactValue>): ContactValue => ({
  ...(c.name && { name: c.name }),
  ...(c.email && { email: c.email }),
  ...(c.phone && { phone: c.phone }),
});

/** The opener's own schema decides; each problem is put on its field in the participant's words. */
function validate(c: Required<ContactValue>): FieldError[] {
  if (!c.email && !c.phone && !c.name) return [];
  const paths = problemPaths(ContactSchema, given(c));
  const errors: FieldError[] = [];
  if (paths.includes('name')) errors.push({ target: 'contact-name', text: t('contact.nameTooLong', { max: LIMITS.name }) });
  if (paths.includes('email')) errors.push({ target: 'contact-email', text: t('contact.emailInvalid') });
  if (paths.includes('phone')) errors.push({ target: 'contact-phone', text: t('contact.phoneInvalid') });
  if (paths.includes('')) errors.push({ target: 'contact-email', text: t('contact.needOne') });
  return errors;
}

export function Contact({ lastQuestion }: { lastQuestion: number }) {
  const [v, setV] = usePending('contact', {
    name: contact.value?.name ?? '',
    email: contact.value?.email ?? '',
    phone: contact.value?.phone ?? '',
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const errorFor = (id: string) => errors.find((e) => e.target === id);
  const field = (key: 'name' | 'email' | 'phone', type: 'text' | 'email' | 'tel') => {
    const id = `contact-${key}`;
    const err = errorFor(id);
    return (
      <div class={`field${err ? ' field-error' : ''}`}>
        <label class="label" for={id}>
          {t(`contact.${key}`)}
        </label>
        {err && (
          <p class="error-message" id={`${id}-error`}>
            {err.text}
          </p>
        )}
        <input
          id={id}
          class="input"
          type={type as 'text'}
          dir={key === 'name' ? 'auto' : 'ltr'}
          autoComplete="off"
          spellcheck={false}
          aria-invalid={err ? 'true' : undefined}
          aria-describedby={err ? `${id}-error` : undefined}
          maxLength={LIMITS[key]}
          value={v[key]}
          onInput={(e) => setV({ ...v, [key]: e.currentTarget.value })}
        />
      </div>
    );
  };
  return (
    <form
      noValidate
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        const c = { name: v.name.trim(), email: v.email.trim(), phone: v.phone.trim() };
        const found = validate(c);
        setErrors(found);
        setAttempt(attempt + 1);
        if (found.length) return;
        contact.value = c.email || c.phone ? given(c) : null;
        settle('contact');
        goOnFrom('contact');
      }}
    >
      <ErrorSummary errors={errors} attempt={attempt} />
      <h1>{t('contact.heading')}</h1>
      <p>{t('contact.intro')}</p>
      {field('name', 'text')}
      {field('email', 'email')}
      {field('phone', 'tel')}
      <Actions>
        <button type="submit" class="button primary">
          {t('nav.continue')}
        </button>
        <button
          type="button"
          class="button secondary"
          onClick={() => {
            contact.value = null;
            settle('contact');
            goOnFrom('contact');
          }}
        >
          {t('contact.skip')}
        </button>
        {!returnToCheck.value && (
          <button type="button" class="button secondary" onClick={() => go({ kind: 'question', index: lastQuestion })}>
            {t('nav.back')}
          </button>
        )}
      </Actions>
    </form>
  );
}
