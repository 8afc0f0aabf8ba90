/** The demo engagement a newcomer meets: every text in every shipped locale and format, and a valid rate card. */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { DEMO_CONTENT } from '../../src/server/demo';
import { LOCALES } from '../../src/shared/locales';
import { offersExpenses, RateCardSchema } from '../../src/shared/ratecard';

/** Every participant-facing text in the content, with where it is (a Text is an object keyed by locale). */
function texts(node: unknown, where = 'content'): [string, Record<string, { standard?: string; easy?: string }>][] {
  if (!node || typeof node !== 'object') return [];
  if ('en' in node) return [[where, node as Record<string, { standard?: string; easy?: string }>]];
  // recorded clips are keyed by locale too, but a clip is optional: the page reads the text aloud instead
  return Object.entries(node)
    .filter(([k]) => k !== 'audio')
    .flatMap(([k, child]) => texts(child, `${where}.${k}`));
}

describe('demo engagement', () => {
  it('has every text, option, hint and picture description in all seven locales, standard and easy read', () => {
    const all = texts({ ...DEMO_CONTENT, rateCard: undefined });
    expect(all.length).toBeGreaterThan(40);
    const gaps = all.flatMap(([where, text]) =>
      LOCALES.flatMap((lng) => (['standard', 'easy'] as const).filter((f) => !text[lng]?.[f]?.trim()).map((f) => `${where} ${lng} ${f}`)),
    );
    expect(gaps).toEqual([]);
    expect(DEMO_CONTENT.locales).toEqual(expect.arrayContaining([...LOCALES]));
  });

  it('offers expenses in the journey with a valid published rate card', () => {
    expect(offersExpenses(DEMO_CONTENT)).toBe(true);
    const card = v.parse(RateCardSchema, DEMO_CONTENT.rateCard);
    expect(card.receiptRequired).toEqual(expect.arrayContaining(['public_transport', 'taxi']));
    expect(card.caps.taxi).toBe(5000);
    expect(card.timePaymentPence).toBe(2000);
  });
});
