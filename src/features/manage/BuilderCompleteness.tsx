/** Builder: what stops publishing and what is missing per language and format, each a link to its field. */

import { useEffect } from 'preact/hooks';
import { checkContent, type Finding } from '../../shared/completeness';
import { signal } from '../../shared/signal';
import { useLocation } from '../../ui/router';
import { TableRegion } from '../../ui/TableRegion';
import { current, localeName } from './content';

/** the field to focus once the builder has shown its tab */
const focusTarget = signal<string | null>(null);

/** Focuses the field a completeness link asked for, after the page has focused its heading. */
export function useFieldFocus(key: string) {
  useEffect(() => {
    const id = focusTarget.value;
    if (!id) return;
    // two frames: the staff app focuses the new page's heading in the next one
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const el = document.getElementById(id);
        if (!el) return;
        el.scrollIntoView({ block: 'center' });
        el.focus();
        focusTarget.value = null;
      }),
    );
  }, [key, focusTarget.value]);
}

export function findings(): Finding[] {
  const c = current.value;
  return c ? checkContent(c.content, new Set(c.absent)) : [];
}

function FieldLink({ f, children }: { f: Finding; children: string }) {
  const { route } = useLocation();
  const id = current.value?.id;
  const href = `/staff/engagements/${id}/${f.tab}${f.question ? `/${f.question}` : ''}`;
  const go = (e: MouseEvent) => {
    e.preventDefault();
    focusTarget.value = f.field;
    route(href);
  };
  return (
    <a href={`${href}#${f.field}`} onClick={go}>
      {children}
    </a>
  );
}

const KINDS = [
  ['wording', ['wording']],
  ['easy read', ['easy read']],
  ['alt text', ['alt text']],
  ['clips', ['clip', 'easy-read clip']],
] as const;

export function Completeness() {
  const c = current.value;
  if (!c) return null;
  const all = findings();
  const blockers = all.filter((f) => f.blocks);
  const gaps = all.filter((f) => !f.blocks);
  return (
    <div>
      <h2>What stops publishing</h2>
      {blockers.length === 0 ? (
        <p>Nothing stops publishing.</p>
      ) : (
        <ul class="staff-findings">
          {blockers.map((f) => (
            <li key={`${f.field}-${f.lack}`}>
              <FieldLink f={f}>{f.message}</FieldLink>
            </li>
          ))}
        </ul>
      )}
      <h2>What is missing</h2>
      {gaps.length === 0 && blockers.length === 0 ? (
        <p>Every text has wording and an easy-read version in every language, every picture is described and every clip is there.</p>
      ) : (
        <>
          <TableRegion class="staff-table" caption="Missing, by language and format">
            <thead>
              <tr>
                <th scope="col">Language</th>
                {KINDS.map(([k]) => (
                  <th scope="col" key={k}>
                    {k}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {c.content.locales.map((l) => (
                <tr key={l}>
                  <th scope="row">
                    {localeName(l)} ({l})
                  </th>
                  {KINDS.map(([k, lacks]) => (
                    <td key={k}>{gaps.filter((f) => f.locale === l && (lacks as readonly string[]).includes(f.lack)).length}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </TableRegion>
          {gaps.length > 0 && (
            <TableRegion class="staff-table" caption={`${gaps.length} gaps some participants would notice`}>
              <thead>
                <tr>
                  <th scope="col">Where</th>
                  <th scope="col">Language</th>
                  <th scope="col">Missing</th>
                </tr>
              </thead>
              <tbody>
                {gaps.map((f) => (
                  <tr key={`${f.field}-${f.lack}`}>
                    <td>
                      <FieldLink f={f}>{f.where}</FieldLink>
                    </td>
                    <td>{f.locale ? `${localeName(f.locale)} (${f.locale})` : ''}</td>
                    <td>{f.lack}</td>
                  </tr>
                ))}
              </tbody>
            </TableRegion>
          )}
        </>
      )}
    </div>
  );
}
