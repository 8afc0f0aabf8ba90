/** Downloads: answers, themes and aggregates as CSV or JSON; the contact list for organisers. Each is audited. */

import { TableRegion } from '../../../ui/TableRegion';
import { hasRole } from '../api';

export function Exports({ id }: { id: string }) {
  const kinds = [
    ['answers', 'Answers (one row per participant; no contact or monitoring details)'],
    ['themes', 'Themes and their counts'],
    ['aggregates', 'Aggregates (every figure on the results pages; small groups suppressed)'],
  ] as const;
  return (
    <>
      <p>Every export is written to the audit log with your name.</p>
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
                <a href={`/api/staff/insight/${id}/export?kind=${kind}&format=csv`} download>
                  CSV<span class="visually-hidden">: {kind}</span>
                </a>{' '}
                <a href={`/api/staff/insight/${id}/export?kind=${kind}&format=json`} download>
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
