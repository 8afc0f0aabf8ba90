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

export const REFERENCE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** Tolerant of how people type a code: lower case, spaces, missing dash, O for 0, I/L for 1. */
export function normaliseReference(raw: string): string {
  const s = raw.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return s.length === 8 ? `${s.slice(0, 4)}-${s.slice(4)}` : s;
}
