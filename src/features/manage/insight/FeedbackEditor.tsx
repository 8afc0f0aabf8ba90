/** "You said, we did": the organiser writes feedback per language in standard and easy read, with pictures, and publishes it. */
import { useEffect, useState } from 'preact/hooks';
import type { FeedbackContent, FeedbackItem } from '../../../shared/feedback';
import { api } from '../api';
import { current, reload } from '../content';
import { PictureField } from '../MediaFields';
import { TextEditor } from '../TextEditor';
import { Problem, Saved, when } from '../ui';

interface Draft {
  engagement: { id: string; slug: string; title: string };
  content: FeedbackContent;
  publishedAt: string | null;
  updatedAt: string | null;
}

export function FeedbackEditor({ id }: { id: string }) {
  const [d, setD] = useState<Draft | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    // the text editors take the engagement's languages from the builder's loaded engagement
    Promise.all([api<Draft>('GET', `/api/staff/feedback/${id}`), current.value?.id === id ? null : reload(id)])
      .then(([draft]) => setD(draft))
      .catch((e) => setProblem(e.message));
  }, [id]);
  if (!d || !current.value) return <Problem message={problem} />;
  const set = (content: FeedbackContent) => setD({ ...d, content });
  const setItem = (i: number, item: FeedbackItem) => set({ ...d.content, items: d.content.items.map((x, k) => (k === i ? item : x)) });
  const act = async (what: 'save' | 'publish') => {
    setProblem(null);
    setSaved(null);
    try {
      await api('PUT', `/api/staff/feedback/${id}`, { content: d.content });
      if (what === 'publish') await api('POST', `/api/staff/feedback/${id}/publish`, {});
      setD(await api<Draft>('GET', `/api/staff/feedback/${id}`));
      setSaved(what === 'publish' ? 'Published. Participants can read it now.' : 'Saved.');
    } catch (e) {
      setProblem((e as Error).message);
    }
  };
  return (
    <>
      <Problem message={problem} />
      <Saved message={saved} />
      <p>
        {d.publishedAt ? (
          <>
            Published {when(d.publishedAt)} at <a href={`/feedback/${d.engagement.slug}`}>/feedback/{d.engagement.slug}</a>. Devices take it
            with their next download.
          </>
        ) : (
          'Not published yet.'
        )}
      </p>
      <TextEditor id="fb-intro" label="Introduction" multiline value={d.content.intro} onChange={(intro) => set({ ...d.content, intro })} />
      <ol class="staff-questions">
        {d.content.items.map((item, i) => (
          <li key={i}>
            <h2>Item {i + 1}</h2>
            <TextEditor
              id={`fb-${i}-said`}
              label="You said"
              multiline
              value={item.said}
              onChange={(said) => setItem(i, { ...item, said })}
            />
            <TextEditor id={`fb-${i}-did`} label="We did" multiline value={item.did} onChange={(did) => setItem(i, { ...item, did })} />
            <PictureField
              id={`fb-${i}-picture`}
              value={item.picture}
              onChange={(picture) => {
                const { picture: _old, ...rest } = item;
                setItem(i, picture ? { ...rest, picture } : rest);
              }}
            />
            <button
              type="button"
              class="button secondary small"
              onClick={() => set({ ...d.content, items: d.content.items.filter((_, k) => k !== i) })}
            >
              Remove item {i + 1}
            </button>
          </li>
        ))}
      </ol>
      <div class="staff-row-actions">
        <button
          type="button"
          class="button secondary"
          onClick={() => set({ ...d.content, items: [...d.content.items, { said: {}, did: {} }] })}
        >
          Add an item
        </button>
        <button type="button" class="button secondary" onClick={() => void act('save')}>
          Save draft
        </button>
        <button type="button" class="button primary" onClick={() => void act('publish')}>
          Publish
        </button>
      </div>
    </>
  );
}
