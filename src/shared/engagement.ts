/** Engagement content as devices receive it: every participant-facing text is `{ [locale]: { standard, easy } }`. */
import type { Format } from './locales';

export interface LocalText {
  standard: string;
  easy?: string;
}
export type Text = Partial<Record<string, LocalText>>;

export interface Picture {
  /** path under the app origin, e.g. /pictograms/openmoji/1F68C.svg (a bus) */
  src: string;
  alt: Text;
}

/** Recorded clips per locale and format: `{ en: { easy: '/media/…' } }` */
export type AudioRefs = Partial<Record<string, Partial<Record<Format, string>>>>;

export type QuestionType = 'single' | 'multiple' | 'text' | 'faces' | 'yesno' | 'priorities' | 'voice';

export interface Option {
  id: string;
  label: Text;
  picture?: Picture;
}

export interface Question {
  id: string;
  type: QuestionType;
  title: Text;
  hint?: Text;
  options?: Option[];
  allowSkip?: boolean;
  required?: boolean;
  /** priorities: how many tokens to share out */
  tokens?: number;
  picture?: Picture;
  audio?: AudioRefs;
}

export interface EngagementContent {
  defaultLocale: string;
  locales: string[];
  title: Text;
  purpose: Text;
  privacy: Text;
  questions: Question[];
  /** expenses: a RateCard (shared/ratecard.ts); read it only through rateCardOf(), which validates it */
  rateCard?: unknown;
  /** how participants may be paid (PaymentMethod[]); read it through paymentOptionsOf() */
  paymentOptions?: unknown;
}

/**
 * Whether a version carries a rate card at all: enough for the device home to show Claim expenses only, without
 * loading the schemas on the first screen. Whether it offers expenses is `offersExpenses` (shared/ratecard.ts),
 * which the claim screens and the server use: only a card that meets the contract offers a claim.
 */
export const hasRateCard = (content: { rateCard?: unknown }): boolean => typeof content.rateCard === 'object' && content.rateCard !== null;

/** What a device downloads: one published, immutable engagement version. */
export interface PublishedEngagement {
  engagementId: string;
  slug: string;
  versionId: string;
  version: number;
  publicKey: JsonWebKey;
  content: EngagementContent;
}

/**
 * Picks the text for a locale and format. A missing easy version falls back to standard, a missing
 * locale to the engagement's default locale. Returns the locale actually used, so the page can mark
 * the text with the right `lang`.
 */
export function pickText(text: Text | undefined, locale: string, format: Format, defaultLocale: string) {
  const inLocale = text?.[locale];
  const chosen = inLocale?.standard ? inLocale : text?.[defaultLocale];
  const lang = inLocale?.standard ? locale : defaultLocale;
  if (!chosen) return { text: '', lang };
  return { text: (format === 'easy' && chosen.easy) || chosen.standard, lang };
}
