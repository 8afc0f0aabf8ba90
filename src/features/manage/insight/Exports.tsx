/**
 * Downloads: answers, themes and aggregates as CSV or JSON, narrowed by the current filter, with the
 * wording of questions and options in a chosen language (or ids, for machines); the contact list for
 * organisers. Each is audited.
 */
import { useState } from 'preact/hooks';
import { filterParams } from '../../../shared/insight';
import { LOCALE_INFO, LOCALES } from '../../../shared/locales';
import { TableRegion } from '../../../ui/TableRegion';
import { hasRole } from '../api';
import { filter } from './data';
import { FilterSummary, Select } from './Filters';

/** The export address: the filter, then kind, format and (when chosen) the wording's language. */
export function exportHref(id: string, kind: string, format: string, wording: string): string {
  const q = filterParams(filter.value);
  q.set('kind', kind);
  q.set('format', format);
  if (wording) q.set('wording', wording);
  return `/api/staff/insight/${id}/export?${q}`;
}

export function Exports({ id }: { id: string }) {
  const [wording, setWording] = useState('');
  const kinds = [
    ['answers', 'Answers (one row per participant; no contact or monitoring details)'],
    ['themes', 'Themes and their counts'],
    ['aggregates', 'Aggregates (every figure on the results pages; small groups suppressed)'],
  ] as const;
  return (
    <>
      <p>Every export is written to the audit log with your name.</p>
      <FilterSummary />
      <Select
        id="export-wording"
        label="Wording of questions and answers"
        value={wording}
        onChange={setWording}
        options={[['', 'Ids (for machines)'], ...LOCALES.map((l): [string, string] => [l, `${LOCALE_INFO[l].name} (${l})`])]}
      />
      <TableRegion class="staff-table" caption="Exports">
        <thead>
          <tr>
            <th scope="col">What</th>
            <th scope="col">Download</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map(([kind, what]) => (
            <tr key={kind}>
              <th scope="row">{what}</th>
              <td>
                <a href={exportHref(id, kind, 'csv', wording)} download>
                  CSV<span class="visually-hidden">: {kind}</span>
                </a>{' '}
                <a href={exportHref(id, kind, 'json', wording)} download>
                  JSON<span class="visually-hidden">: {kind}</span>
                </a>
              </td>
            </tr>
          ))}
          {hasRole('organiser') && (
            <tr>
              <th scope="row">Contact list for feedback (people who left contact details and agreed to hear back)</th>
              <td>
                <a href={`/api/staff/feedback/${id}/contacts?format=csv`} download>
                  CSV<span class="visually-hidden">: contact list</span>
                </a>
              </td>
            </tr>
          )}
        </tbody>
      </TableRegion>
    </>
  );
}
