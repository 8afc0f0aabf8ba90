/** The one check behind the builder's Completeness list and the server's refusal to publish. */
import { describe, expect, it } from 'vitest';
import { DEMO_CONTENT } from '../../src/server/demo';
import { checkContent, publishProblems } from '../../src/shared/completeness';
import type { EngagementContent } from '../../src/shared/engagement';

const t = (en: string, easy?: string) => ({ en: { standard: en, ...(easy ? { easy } : {}) } });
const base: EngagementContent = {
  defaultLocale: 'en',
  locales: ['en', 'pl'],
  title: t('Buses', 'Buses'),
  purpose: {},
  privacy: {},
  questions: [],
};

describe('completeness', () => {
  it('with no questions and no privacy notice, lists both as blockers and never says all is well', () => {
    const found = checkContent(base);
    expect(publishProblems(base)).toEqual([
      'The engagement needs a privacy notice in the default language (en).',
      'Add at least one question.',
    ]);
    expect(found.find((f) => f.lack === 'questions')).toMatchObject({ blocks: true, tab: 'questions', field: 'new-question-type' });
    // Polish is missing everywhere, and says so per text
    expect(found.filter((f) => f.locale === 'pl' && f.lack === 'wording').map((f) => f.field)).toEqual([
      'title-pl-standard',
      'purpose-pl-standard',
      'privacy-pl-standard',
    ]);
  });

  it('blocks a choice with fewer than two options, and a picture without alt text, pointing at the fields', () => {
    const c: EngagementContent = {
      ...base,
      locales: ['en'],
      privacy: t('Kept', 'Kept'),
      questions: [
        {
          id: 'q1',
          type: 'single',
          title: t('Which?', 'Which?'),
          options: [{ id: 'o1', label: t('A', 'A') }],
          picture: { src: '/pictograms/openmoji/1F68C.svg', alt: {} },
        },
      ],
    };
    const blockers = checkContent(c).filter((f) => f.blocks);
    expect(blockers.map((f) => [f.field, f.question])).toEqual([
      ['q1-picture-alt-en-standard', 'q1'],
      ['q1-add-option', 'q1'],
    ]);
  });

  it('lists clips per language and format once a question has one; a clip the server lacks blocks', () => {
    const c: EngagementContent = {
      ...base,
      privacy: t('Kept', 'Kept'),
      questions: [{ id: 'q1', type: 'yesno', title: t('Bus?', 'Bus?'), audio: { pl: { easy: '/media/'.padEnd(71, 'a') } } }],
    };
    const clips = checkContent(c).filter((f) => f.lack.includes('clip'));
    expect(clips.map((f) => f.field)).toEqual(['q1-audio-en-standard', 'q1-audio-en-easy', 'q1-audio-pl-standard']);
    expect(clips.every((f) => !f.blocks)).toBe(true);
    const absent = new Set(['/media/'.padEnd(71, 'a')]);
    expect(publishProblems(c, absent)).toContain('Question 1: the easy-read clip in pl is missing on the server.');
  });

  it('the demo has nothing that blocks publishing', () => {
    expect(publishProblems(DEMO_CONTENT)).toEqual([]);
  });
});
