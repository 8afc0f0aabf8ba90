/** "You said, we did" feedback and the reference lookup, as the public page and devices receive them. */
import type { Picture, Text } from './engagement';

export interface FeedbackItem {
  said: Text;
  did: Text;
  picture?: Picture;
}

export interface FeedbackContent {
  intro: Text;
  items: FeedbackItem[];
}

export interface PublishedFeedback {
  slug: string;
  title: Text;
  defaultLocale: string;
  locales: string[];
  content: FeedbackContent;
  publishedAt: string;
}

/** What a reference code reveals: never a name, contact, bank detail or answer. */
export interface LookupResult {
  slug: string;
  title: Text;
  defaultLocale: string;
  feedback: PublishedFeedback | null;
  /** the expense claim's state, or null when the bundle had no claim (or claims are not on this server) */
  claim: { status: string } | null;
}

export const REFERENCE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** Tolerant of how people type a code: lower case, spaces, missing dash, O for 0, I/L for 1. */
export function normaliseReference(raw: string): string {
  const s = raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return s.length === 8 ? `${s.slice(0, 4)}-${s.slice(4)}` : s;
}
