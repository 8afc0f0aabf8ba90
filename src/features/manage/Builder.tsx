/** The engagement builder: one engagement, its tabs, saving the draft and publishing a version. */

import { useEffect, useState } from 'preact/hooks';
import { pickText } from '../../shared/engagement';
import { useLocation } from '../../ui/router';
import { flush, saveProblem, saveStatus, useAutosave } from './autosave';
import { Completeness, useFieldFocus } from './BuilderCompleteness';
import { BuilderDetails } from './BuilderDetails';
import { BuilderQuestions, QuestionEditor } from './BuilderQuestions';
import { RateCardSummary } from './BuilderRateCard';
import { Preview, Publish } from './BuilderReview';
import { BuilderSpreadsheet } from './BuilderSpreadsheet';
import { current, reload } from './content';
import { checkRateCard, showServerProblem } from './rate-card-state';
import { Problem, Saved } from './ui';

const TABS = [
  ['details', 'Details'],
  ['questions', 'Questions'],
  ['completeness', 'Completeness'],
  ['preview', 'Preview'],
  ['spreadsheet', 'Spreadsheet'],
  ['publish', 'Publish'],
] as const;

export function Builder({ id, tab, rest }: { id: string; tab: string; rest: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { route } = useLocation();
  useEffect(() => {
    if (current.value?.id !== id) void reload(id).catch((e) => setProblem(e.message));
  }, [id]);
  useFieldFocus(`${tab}/${rest}`);
  useAutosave(id);
  const c = current.value;
  if (!c || c.id !== id) return <p>{problem ?? 'Loading…'}</p>;
  const title = pickText(c.content.title, 'en', 'standard', c.content.defaultLocale).text || c.slug;
  const label = TABS.find(([k]) => k === tab)?.[1] ?? 'Details';
  // a refusal naming a rate card field is shown beside that field, on Details
  const onProblem = (m: string | null) => {
    const onCard = m !== null && showServerProblem(m);
    setProblem(onCard ? null : m);
    if (onCard) route(`/staff/engagements/${id}/details`);
  };
  const save = async () => {
    setProblem(null);
    if (checkRateCard().length) return;
    if (await flush()) setStatus('Draft saved. Devices still have the published version until you publish.');
    else onProblem(saveProblem.value);
  };
  return (
    <div class="staff-page">
      <h1 tabIndex={-1}>
        {label}: {title}
      </h1>
      <nav aria-label="Builder sections" class="staff-tabs">
        <ul>
          {TABS.map(([k, name]) => (
            <li key={k}>
              <a href={`/staff/engagements/${id}/${k}`} aria-current={k === tab ? 'page' : undefined}>
                {name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <Problem message={problem} />
      {tab === 'details' && <RateCardSummary />}
      <Saved message={status} />
      <div class="staff-savebar">
        <button type="button" class="button primary" onClick={() => void save()}>
          Save draft
        </button>
        <span aria-live="polite" data-testid="autosave">
          {saveStatus()}
        </span>
      </div>
      {tab === 'details' && <BuilderDetails />}
      {tab === 'questions' && (rest ? <QuestionEditor qid={rest} /> : <BuilderQuestions />)}
      {tab === 'completeness' && <Completeness />}
      {tab === 'preview' && <Preview />}
      {tab === 'spreadsheet' && <BuilderSpreadsheet />}
      {tab === 'publish' && <Publish onProblem={onProblem} onStatus={setStatus} />}
    </div>
  );
}
