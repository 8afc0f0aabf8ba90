/** The facilitator's session at a venue: open it, hand over to participants, close it with the figures. */
import { useEffect, useState } from 'preact/hooks';
import { listEngagements } from '../../db/engagements';
import type { EngagementRecord, SessionRecord } from '../../db/schema';
import { closeSession, currentSession, openSession, recentSessions } from '../../db/sessions';
import { startHandOver } from '../../device/handover';
import { locale, t } from '../../i18n/index';
import { pickText } from '../../shared/engagement';
import { formatPence, parsePounds as parsePence, penceToDecimal } from '../../shared/money';
import { useLocation } from '../../ui/router';
import { ErrorSummary, type FieldError } from '../../ui/ui';

function Input(p: {
  id: string;
  label: string;
  value: string;
  set: (v: string) => void;
  errors: FieldError[];
  type?: 'text' | 'date';
  hint?: string;
  multiline?: boolean;
}) {
  const err = p.errors.find((e) => e.target === p.id);
  const describedBy = [p.hint && `${p.id}-hint`, err && `${p.id}-error`].filter(Boolean).join(' ') || undefined;
  const props = {
    id: p.id,
    class: 'input',
    value: p.value,
    'aria-describedby': describedBy,
    'aria-invalid': err ? ('true' as const) : undefined,
    onInput: (e: Event) => p.set((e.currentTarget as HTMLInputElement).value),
  };
  return (
    <div class={`field${err ? ' field-error' : ''}`}>
      <label class="label" for={p.id}>
        {p.label}
      </label>
      {p.hint && (
        <p class="hint" id={`${p.id}-hint`}>
          {p.hint}
        </p>
      )}
      {err && (
        <p class="error-message" id={`${p.id}-error`}>
          {err.text}
        </p>
      )}
      {p.multiline ? (
        <textarea rows={3} {...props} />
      ) : p.type === 'date' ? (
        <input {...props} type="date" />
      ) : (
        <input {...props} type="text" autoComplete="off" />
      )}
    </div>
  );
}

const today = () => new Date().toLocaleDateString('en-CA');

function OpenForm({ engagements, onOpened }: { engagements: EngagementRecord[]; onOpened: () => void }) {
  const [f, setF] = useState({ slug: engagements[0]?.slug ?? '', venue: '', area: '', date: today(), float: '0' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const submit = async (e: Event) => {
    e.preventDefault();
    const found: FieldError[] = [];
    if (!f.venue.trim()) found.push({ target: 'session-venue', text: t('session.venueMissing') });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date)) found.push({ target: 'session-date', text: t('session.dateMissing') });
    const float = parsePence(f.float);
    if (float === null) found.push({ target: 'session-float', text: t('session.amountInvalid') });
    setErrors(found);
    if (found.length || float === null) return;
    await openSession({
      id: crypto.randomUUID(),
      engagementSlug: f.slug,
      venue: f.venue.trim(),
      area: f.area.trim(),
      date: f.date,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      openedAt: new Date().toISOString(),
      closedAt: null,
      attendance: null,
      notes: '',
      floatIssued: float,
      floatPaidOut: 0,
      floatReturned: null,
    });
    onOpened();
  };
  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} />
      <h2>{t('session.open')}</h2>
      <div class="field">
        <label class="label" for="session-engagement">
          {t('session.engagement')}
        </label>
        <select id="session-engagement" class="input" value={f.slug} onChange={(e) => setF({ ...f, slug: e.currentTarget.value })}>
          {engagements.map((x) => (
            <option key={x.slug} value={x.slug}>
              {pickText(x.content.title, locale.value, 'standard', x.content.defaultLocale).text}
            </option>
          ))}
        </select>
      </div>
      <Input id="session-venue" label={t('session.venue')} value={f.venue} set={(venue) => setF({ ...f, venue })} errors={errors} />
      <Input id="session-area" label={t('session.area')} value={f.area} set={(area) => setF({ ...f, area })} errors={errors} />
      <Input id="session-date" type="date" label={t('session.date')} value={f.date} set={(date) => setF({ ...f, date })} errors={errors} />
      <Input
        id="session-float"
        label={t('session.floatIssued')}
        hint={t('session.amountHint')}
        value={f.float}
        set={(float) => setF({ ...f, float })}
        errors={errors}
      />
      <button type="submit" class="button primary">
        {t('session.openSubmit')}
      </button>
    </form>
  );
}

function CloseForm({ session, onClosed }: { session: SessionRecord; onClosed: () => void }) {
  // cash handed over in claims during the session is already counted; the facilitator can correct it
  const [f, setF] = useState({ attendance: '', notes: '', paidOut: penceToDecimal(session.floatPaidOut), returned: '' });
  const lng = locale.value;
  const paidSoFar = parsePence(f.paidOut);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const submit = async (e: Event) => {
    e.preventDefault();
    const found: FieldError[] = [];
    const attendance = /^\d{1,5}$/.test(f.attendance.trim()) ? Number(f.attendance) : null;
    if (attendance === null) found.push({ target: 'close-attendance', text: t('session.attendanceMissing') });
    const paidOut = parsePence(f.paidOut);
    if (paidOut === null) found.push({ target: 'close-paid-out', text: t('session.amountInvalid') });
    const returned = parsePence(f.returned);
    if (returned === null) found.push({ target: 'close-returned', text: t('session.amountInvalid') });
    setErrors(found);
    if (found.length || attendance === null || paidOut === null || returned === null) return;
    await closeSession(session.id, { attendance, notes: f.notes.trim(), floatPaidOut: paidOut, floatReturned: returned });
    onClosed();
  };
  return (
    <form noValidate onSubmit={submit}>
      <ErrorSummary errors={errors} />
      <h2>{t('session.close')}</h2>
      <dl class="figures" data-testid="float-figures">
        <div>
          <dt>{t('session.floatIssued')}</dt>
          <dd>{formatPence(session.floatIssued, lng)}</dd>
        </div>
        <div>
          <dt>{t('session.floatPaidOut')}</dt>
          <dd data-testid="float-paid-out">{formatPence(session.floatPaidOut, lng)}</dd>
        </div>
        <div>
          <dt>{t('session.expectedReturn')}</dt>
          <dd>{formatPence(Math.max(0, session.floatIssued - (paidSoFar ?? session.floatPaidOut)), lng)}</dd>
        </div>
      </dl>
      {(paidSoFar ?? session.floatPaidOut) > session.floatIssued && (
        <p class="error-message" role="alert" data-testid="float-over">
          {t('session.overFloat', {
            paid: formatPence(paidSoFar ?? session.floatPaidOut, lng),
            float: formatPence(session.floatIssued, lng),
          })}
        </p>
      )}
      <Input
        id="close-attendance"
        label={t('session.attendance')}
        value={f.attendance}
        set={(attendance) => setF({ ...f, attendance })}
        errors={errors}
      />
      <Input
        id="close-paid-out"
        label={t('session.floatPaidOut')}
        hint={t('session.amountHint')}
        value={f.paidOut}
        set={(paidOut) => setF({ ...f, paidOut })}
        errors={errors}
      />
      <Input
        id="close-returned"
        label={t('session.floatReturned')}
        hint={t('session.amountHint')}
        value={f.returned}
        set={(returned) => setF({ ...f, returned })}
        errors={errors}
      />
      <Input id="close-notes" multiline label={t('session.notes')} value={f.notes} set={(notes) => setF({ ...f, notes })} errors={errors} />
      <button type="submit" class="button primary">
        {t('session.closeSubmit')}
      </button>
    </form>
  );
}

export function Session() {
  const { route } = useLocation();
  const [open, setOpen] = useState<SessionRecord | null | undefined>(undefined);
  const [recent, setRecent] = useState<SessionRecord[]>([]);
  const [engagements, setEngagements] = useState<EngagementRecord[]>([]);
  const load = async () => {
    setOpen((await currentSession()) ?? null);
    setRecent(await recentSessions());
    setEngagements(await listEngagements());
  };
  useEffect(() => void load(), []);
  if (open === undefined) return <p>{t('app.loading')}</p>;
  return (
    <div>
      <h1>{t('session.heading')}</h1>
      {open ? (
        <>
          <section class="panel" aria-labelledby="open-session">
            <h2 id="open-session">{t('session.current', { venue: open.venue, date: open.date })}</h2>
            <p>{t('session.floatSummary', { amount: formatPence(open.floatIssued, locale.value) })}</p>
            <button
              type="button"
              class="button primary"
              onClick={async () => {
                const e = engagements.find((x) => x.slug === open.engagementSlug);
                await startHandOver(open.engagementSlug, 'journey', e?.content.defaultLocale ?? 'en');
                route(`/p/${open.engagementSlug}`);
              }}
            >
              {t('session.handOver')}
            </button>
          </section>
          <CloseForm session={open} onClosed={() => void load()} />
        </>
      ) : engagements.length ? (
        <OpenForm engagements={engagements} onOpened={() => void load()} />
      ) : (
        <p>{t('home.none')}</p>
      )}
      {recent.some((s) => s.closedAt) && (
        <section aria-labelledby="closed-sessions">
          <h2 id="closed-sessions">{t('session.closedHeading')}</h2>
          <ul>
            {recent
              .filter((s) => s.closedAt)
              .map((s) => (
                <li key={s.id}>{t('session.closedLine', { venue: s.venue, date: s.date, people: s.attendance ?? 0 })}</li>
              ))}
          </ul>
        </section>
      )}
      <p>
        <a href="/">{t('session.back')}</a>
      </p>
    </div>
  );
}
