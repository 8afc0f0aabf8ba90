/** Optional contact for feedback. autocomplete="off": on a shared device the browser must not offer
 *  the last participant's email to the next one. */
import { useState } from 'preact/hooks';
import { contact, go, goOnFrom, returnToCheck } from '../../../device/participant';
import { t } from '../../../i18n/index';
import type { Contact as ContactValue } from '../../../shared/bundle';
import { Actions, ErrorSummary, type FieldError } from '../../../ui/ui';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^[0-9+() -]{6,40}$/;

function validate(c: Required<ContactValue>): FieldError[] {
  const errors: FieldError[] = [];
  if (c.email && !EMAIL.test(c.email)) errors.push({ target: 'contact-email', text: t('contact.emailInvalid') });
  if (c.phone && !PHONE.test(c.phone)) errors.push({ target: 'contact-phone', text: t('contact.phoneInvalid') });
  if (!c.email && !c.phone && c.name) errors.push({ target: 'contact-email', text: t('contact.needOne') });
  return errors;
}

export function Contact({ lastQuestion }: { lastQuestion: number }) {
  const [v, setV] = useState({ name: contact.value?.name ?? '', email: contact.value?.email ?? '', phone: contact.value?.phone ?? '' });
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
        contact.value =
          c.email || c.phone
            ? { ...(c.name && { name: c.name }), ...(c.email && { email: c.email }), ...(c.phone && { phone: c.phone }) }
            : null;
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
