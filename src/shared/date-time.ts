/**
 * A moment with its zone named: day, short month, year, hours and minutes ("1 Dec 2026, 06:15 GMT"), in the
 * locale and zone given (the reader's own zone when none is). The month is in words, so no one reads 01/12 as
 * January. dateStyle and timeStyle cannot be combined with timeZoneName, so the fields are spelled out.
 * Participant pages, staff pages and the server's own messages all write moments this way.
 */
export function dateTime(iso: string, locale: string, opts: { timeZone?: string; seconds?: boolean } = {}): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(opts.seconds ? { second: '2-digit' } : {}),
    timeZoneName: 'short',
    ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
  }).format(new Date(iso));
}
