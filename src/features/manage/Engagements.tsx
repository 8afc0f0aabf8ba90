/** Organiser and analyst: the engagements, their versions, and starting a new one. */
import { useEffect, useState } from 'preact/hooks';
import { pickText, type Text } from '../../shared/engagement';
import { useLocation } from '../../ui/router';
import { TableRegion } from '../../ui/TableRegion';
import { api, hasRole } from './api';
import { Field, Page, Problem } from './ui';

interface Row {
  id: string;
  slug: string;
  title: Text;
  status: string;
  latestVersion: number | null;
  draftUpdatedAt: string | null;
}

export function Engagements() {
  const { route } = useLocation();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [slug, setSlug] = useState('');
  useEffect(() => {
    api<{ engagements: Row[] }>('GET', '/api/staff/engagements')
      .then((r) => setRows(r.engagements))
      .catch((e) => setProblem(e.message));
  }, []);
  const create = async (e: Event) => {
    e.preventDefault();
    setProblem(null);
    try {
      const { id } = await api<{ id: string }>('POST', '/api/staff/engagements', { title, slug });
      route(`/staff/engagements/${id}/details`);
    } catch (err) {
      setProblem((err as Error).message);
    }
  };
  return (
    <Page title="Engagements">
      <Problem message={problem} />
      <TableRegion class="staff-table" caption="All engagements">
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Published version</th>
            <th scope="col">Draft</th>
            {hasRole('organiser') && <th scope="col">Paper forms</th>}
          </tr>
        </thead>
        <tbody>
          {(rows ?? []).map((r) => (
            <tr key={r.id}>
              <td>
                <a href={`/staff/engagements/${r.id}/details`}>{pickText(r.title, 'en', 'standard', 'en').text || r.slug}</a>
              </td>
              <td>{r.latestVersion ? `Version ${r.latestVersion}` : 'Not published'}</td>
              <td>{r.draftUpdatedAt ? 'Unpublished changes' : 'None'}</td>
              {hasRole('organiser') && (
                <td>
                  {r.latestVersion && r.status === 'published' ? (
                    <a href={`/staff/engagements/${r.id}/paper`}>
                      Enter a paper form<span class="visually-hidden">: {pickText(r.title, 'en', 'standard', 'en').text || r.slug}</span>
                    </a>
                  ) : (
                    'Publish first'
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </TableRegion>
      {hasRole('organiser') && (
        <form noValidate onSubmit={create}>
          <h2>New engagement</h2>
          <Field id="new-title" label="Title (English, standard)" value={title} onInput={setTitle} />
          <Field
            id="new-slug"
            label="Short web address"
            hint="Lower-case letters, numbers and dashes, e.g. bus-routes-2027. Participants see it in the address."
            value={slug}
            onInput={setSlug}
          />
          <button type="submit" class="button primary">
            Create engagement
          </button>
        </form>
      )}
    </Page>
  );
}
