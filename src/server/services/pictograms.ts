/**
 * The pictogram set: OpenMoji (https://openmoji.org, CC BY-SA 4.0) from its npm package. Only the symbols an
 * engagement uses reach devices: each is served by its code at /pictograms/openmoji/<code>.svg, and a device
 * caches the pictures of the engagements it carries (src/device/download.ts).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface Pictogram {
  src: string;
  name: string;
  keywords: string[];
}

interface Entry extends Pictogram {
  words: Set<string>;
}

const dir = path.dirname(createRequire(import.meta.url).resolve('openmoji/package.json'));
let entries: Entry[] | null = null;

function load(): Entry[] {
  if (entries) return entries;
  const raw = JSON.parse(fs.readFileSync(path.join(dir, 'data', 'openmoji.json'), 'utf8')) as Record<string, string>[];
  // skin-tone variants and flags would crowd the results; the base symbols are enough to pick from
  entries = raw
    .filter((e) => !e.skintone && e.group !== 'flags' && e.group !== 'component' && /^[0-9A-F-]+$/.test(e.hexcode ?? ''))
    .map((e) => {
      const keywords = [...new Set(`${e.tags}, ${e.openmoji_tags}`.split(',').map((k) => k.trim().toLowerCase()))].filter(Boolean);
      const name = e.annotation ?? e.hexcode ?? '';
      const words = new Set([...name.toLowerCase().split(/[^\p{L}\p{N}]+/u), ...keywords.flatMap((k) => k.split(/[^\p{L}\p{N}]+/u))]);
      return { src: `/pictograms/openmoji/${e.hexcode}.svg`, name, keywords, words };
    });
  return entries;
}

/** Symbols matching a word: the name itself first, then a whole word of the name or tags, then part of one. */
export function searchPictograms(query: string, limit = 48): Pictogram[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const rank = (e: Entry) => {
    const n = e.name.toLowerCase();
    if (n === q) return 0;
    if (n.split(/[^\p{L}\p{N}]+/u).includes(q)) return 1;
    if (e.words.has(q)) return 2;
    if (n.includes(q) || e.keywords.some((k) => k.includes(q))) return 3;
    return 9;
  };
  return load()
    .map((e) => ({ e, r: rank(e) }))
    .filter((x) => x.r < 9)
    .sort((a, b) => a.r - b.r)
    .slice(0, limit)
    .map(({ e }) => ({ src: e.src, name: e.name, keywords: e.keywords }));
}

/** The file of a symbol (`1F68C.svg`), or null when there is no such symbol. */
export function openmojiFile(file: string): string | null {
  if (!/^[0-9A-F]{2,6}(-[0-9A-F]{2,6})*\.svg$/.test(file)) return null;
  const p = path.join(dir, 'color', 'svg', file);
  return fs.existsSync(p) ? p : null;
}
