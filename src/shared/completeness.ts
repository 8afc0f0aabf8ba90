/**
 * What stops an engagement from being published, and what it still lacks per language and format. The server's
 * publish check and the builder's Completeness list both read this one function, so they cannot disagree.
 */
import type { EngagementContent, Picture, Text } from './engagement';

export type Lack = 'wording' | 'easy read' | 'alt text' | 'clip' | 'easy-read clip' | 'options' | 'questions' | 'language' | 'id' | 'file';

export interface Finding {
  /** a blocker stops publishing; anything else is a gap some participants would notice */
  blocks: boolean;
  /** the builder tab and, for a question, its id: where the field lives */
  tab: 'details' | 'questions';
  question?: string;
  /** the id of the form field to focus (the builder's field ids) */
  field: string;
  /** what the text is, for people: "Question 2, option 1" */
  where: string;
  locale?: string;
  lack: Lack;
  message: string;
}

const HAS_OPTIONS = new Set(['single', 'multiple', 'priorities']);

/** Every finding, blockers first, in the order of the builder's fields; `absent`: pictures and clips the server lacks. */
export function checkContent(c: EngagementContent, absent: ReadonlySet<string> = new Set()): Finding[] {
  const out: Finding[] = [];
  const d = c.defaultLocale;
  const text = (t: Text | undefined, where: string, field: string, opts: { easy: boolean; q?: string; required?: string }) => {
    const tab = opts.q ? 'questions' : 'details';
    for (const l of c.locales) {
      const local = t?.[l];
      const blocks = l === d && !!opts.required;
      const base = { tab, question: opts.q, locale: l, where } as const;
      if (!local?.standard?.trim()) {
        const lack = opts.easy ? 'wording' : 'alt text';
        const message = blocks ? `${opts.required} in the default language (${l}).` : `${where}: no ${lack} in ${l}.`;
        out.push({ ...base, blocks, field: `${field}-${l}-standard`, lack, message });
      } else if (opts.easy && !local.easy?.trim()) {
        out.push({ ...base, blocks: false, field: `${field}-${l}-easy`, lack: 'easy read', message: `${where}: no easy read in ${l}.` });
      }
    }
  };
  if (!c.locales.includes(d))
    out.push({
      blocks: true,
      tab: 'details',
      field: 'default-locale',
      where: 'Languages',
      lack: 'language',
      message: 'The default language must be one of the languages.',
    });
  text(c.title, 'Title', 'title', { easy: true, required: 'The engagement needs a title' });
  text(c.purpose, 'What it is about', 'purpose', { easy: true });
  text(c.privacy, 'Privacy notice', 'privacy', { easy: true, required: 'The engagement needs a privacy notice' });
  if (c.questions.length === 0)
    out.push({
      blocks: true,
      tab: 'questions',
      field: 'new-question-type',
      where: 'Questions',
      lack: 'questions',
      message: 'Add at least one question.',
    });
  const ids = new Set<string>();
  c.questions.forEach((q, i) => {
    const n = `Question ${i + 1}`;
    const at = { tab: 'questions', question: q.id } as const;
    if (ids.has(q.id))
      out.push({ ...at, blocks: true, field: `${q.id}-title`, where: n, lack: 'id', message: `${n}: its id "${q.id}" is used twice.` });
    ids.add(q.id);
    text(q.title, n, `${q.id}-title`, { easy: true, q: q.id, required: `${n} needs wording` });
    if (q.hint && Object.keys(q.hint).length) text(q.hint, `${n} hint`, `${q.id}-hint`, { easy: true, q: q.id });
    if (q.picture)
      text(q.picture.alt, `${n} picture`, `${q.id}-picture-alt`, { easy: false, q: q.id, required: `${n} picture needs alt text` });
    if (HAS_OPTIONS.has(q.type) && (q.options?.length ?? 0) < 2)
      out.push({
        ...at,
        blocks: true,
        field: `${q.id}-add-option`,
        where: n,
        lack: 'options',
        message: `${n} needs at least two options.`,
      });
    (q.options ?? []).forEach((o, j) => {
      const where = `${n}, option ${j + 1}`;
      text(o.label, where, `${q.id}-${o.id}`, { easy: true, q: q.id, required: `${where} needs wording` });
      if (o.picture)
        text(o.picture.alt, `${where} picture`, `${q.id}-${o.id}-picture-alt`, {
          easy: false,
          q: q.id,
          required: `${where} picture needs alt text`,
        });
    });
    // a question with read-aloud clips should have one in every language and format; a clip whose file the
    // server does not have blocks publishing (devices could not fetch it)
    const clips = Object.values(q.audio ?? {}).some((f) => f?.standard || f?.easy);
    for (const l of clips ? c.locales : [])
      for (const f of ['standard', 'easy'] as const) {
        const src = q.audio?.[l]?.[f];
        const lack = f === 'easy' ? 'easy-read clip' : 'clip';
        const field = `${q.id}-audio-${l}-${f}`;
        const base = { ...at, field, where: n, locale: l, lack } as const;
        if (!src) out.push({ ...base, blocks: false, message: `${n}: no ${lack} in ${l}.` });
        else if (absent.has(src)) out.push({ ...base, blocks: true, message: `${n}: the ${lack} in ${l} is missing on the server.` });
      }
    const pictures: [Picture | undefined, string, string][] = [
      [q.picture, `${n} picture`, `${q.id}-picture`],
      ...(q.options ?? []).map((o, j): [Picture | undefined, string, string] => [
        o.picture,
        `${n}, option ${j + 1} picture`,
        `${q.id}-${o.id}-picture`,
      ]),
    ];
    for (const [p, where, field] of pictures)
      if (p && absent.has(p.src))
        out.push({
          ...at,
          blocks: true,
          field: `${field}-search`,
          where,
          lack: 'file',
          message: `${where}: the file is missing on the server.`,
        });
  });
  return [...out.filter((f) => f.blocks), ...out.filter((f) => !f.blocks)];
}

/** The messages of what stops publishing. */
export const publishProblems = (c: EngagementContent, absent?: ReadonlySet<string>): string[] =>
  checkContent(c, absent).flatMap((f) => (f.blocks ? [f.message] : []));
