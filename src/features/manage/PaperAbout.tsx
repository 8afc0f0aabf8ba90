/**
 * The "about you" parts of a paper form, as staff type them in: equality monitoring (the participant's own
 * questions and answers, in English) and contact for feedback. Each may be blank, as on the form.
 */
import { tIn } from '../../i18n/index';
import type { Contact, Monitoring } from '../../shared/bundle';
import { EMAIL_PATTERN, LIMITS, PHONE_PATTERN } from '../../shared/limits';
import { MONITORING_OPTIONS } from '../../shared/monitoring';
import { Field } from './ui';

type Key = keyof typeof MONITORING_OPTIONS;
const KEYS = Object.keys(MONITORING_OPTIONS) as Key[];

export interface AboutRaw {
  choices: Partial<Record<Key, string>>;
  area: string;
  name: string;
  email: string;
  phone: string;
}

export const emptyAbout = (): AboutRaw => ({ choices: {}, area: '', name: '', email: '', phone: '' });

const en = (key: string) => tIn('en', key);

/** Monitoring and contact as the bundle holds them (null: none on the form), or a message saying what to fix. */
export function toAbout(raw: AboutRaw): { monitoring: Monitoring | null; contact: Contact | null } | { problem: string } {
  const area = raw.area.trim();
  if (area.length > LIMITS.area) return { problem: `Home area: use at most ${LIMITS.area} characters.` };
  const monitoring: Monitoring = { ...(raw.choices as Monitoring), ...(area ? { area } : {}) };
  const [name, email, phone] = [raw.name.trim(), raw.email.trim(), raw.phone.trim()];
  if (email && !(email.length <= LIMITS.email && EMAIL_PATTERN.test(email)))
    return { problem: 'Contact: enter the email address as the form shows it, like name@example.org.' };
  if (phone && !PHONE_PATTERN.test(phone)) return { problem: 'Contact: a phone number has 6 to 40 digits, spaces, +, ( ) or -.' };
  if (name && !email && !phone) return { problem: 'Contact: the form gives a name but no email or phone. Enter one, or clear the name.' };
  if (name.length > LIMITS.name) return { problem: `Contact: use at most ${LIMITS.name} characters for the name.` };
  const contact = email || phone ? { ...(name ? { name } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}) } : null;
  return { monitoring: Object.keys(monitoring).length ? monitoring : null, contact };
}

export function PaperAbout({ raw, set }: { raw: AboutRaw; set: (raw: AboutRaw) => void }) {
  return (
    <>
      <fieldset class="staff-paper-q">
        <legend>About the person (equality monitoring)</legend>
        {KEYS.map((key) => (
          <fieldset key={key} class="staff-paper-sub">
            <legend>{en(`monitoring.${key}.question`)}</legend>
            {['', ...MONITORING_OPTIONS[key]].map((value) => {
              const id = `paper-m-${key}-${value || 'none'}`;
              const label = !value
                ? 'No answer on the form'
                : value === 'prefer_not'
                  ? en('monitoring.preferNot')
                  : en(`monitoring.${key}.${value}`);
              return (
                <div class="staff-choice" key={id}>
                  <input
                    type="radio"
                    id={id}
                    name={`paper-m-${key}`}
                    checked={(raw.choices[key] ?? '') === value}
                    onChange={() => set({ ...raw, choices: { ...raw.choices, [key]: value || undefined } })}
                  />
                  <label for={id}>{label}</label>
                </div>
              );
            })}
          </fieldset>
        ))}
        <Field
          id="paper-m-area"
          label={en('monitoring.area.question')}
          hint={en('monitoring.area.hint')}
          value={raw.area}
          onInput={(area) => set({ ...raw, area })}
        />
      </fieldset>
      <fieldset class="staff-paper-q">
        <legend>Contact for feedback</legend>
        <p class="hint">Only if the form gives an email address or a phone number; the server keeps them sealed.</p>
        <Field id="paper-c-name" label="Name" value={raw.name} onInput={(name) => set({ ...raw, name })} />
        <Field id="paper-c-email" label="Email address" type="email" value={raw.email} onInput={(email) => set({ ...raw, email })} />
        <Field id="paper-c-phone" label="Phone number" value={raw.phone} onInput={(phone) => set({ ...raw, phone })} />
      </fieldset>
    </>
  );
}
