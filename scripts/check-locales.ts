/**
 * Fails when a locale lacks a key English has, a plural form its language needs (CLDR, via
 * Intl.PluralRules), or a placeholder the English string uses. Run by `npm test`.
 */
import fs from 'node:fs';
import path from 'node:path';

const PLURAL = /_(zero|one|two|few|many|other)$/;
type Tree = { [k: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (s: string) => new Set([...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]));

export function checkLocales(root = 'locales'): string[] {
  const problems: string[] = [];
  const read = (lng: string, ns: string) => flatten(JSON.parse(fs.readFileSync(path.join(root, lng, ns), 'utf8')) as Tree);
  const locales = fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory());
  for (const ns of fs.readdirSync(path.join(root, 'en')).filter((f) => f.endsWith('.json'))) {
    const en = read('en', ns);
    const enBases = new Map<string, string>();
    for (const [k, v] of en) enBases.set(k.replace(PLURAL, ''), v);
    const enPlural = new Set([...en.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    for (const lng of locales) {
      if (lng === 'en') continue;
      if (!fs.existsSync(path.join(root, lng, ns))) {
        problems.push(`${lng}/${ns}: missing file`);
        continue;
      }
      const tr = read(lng, ns);
      const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;
      for (const [base, enText] of enBases) {
        if (enPlural.has(base)) {
          for (const c of categories) {
            if (!tr.has(`${base}_${c}`)) problems.push(`${lng}/${ns}: ${base}_${c} missing (plural form ${lng} needs)`);
          }
          continue;
        }
        const text = tr.get(base);
        if (text === undefined) {
          problems.push(`${lng}/${ns}: ${base} missing`);
          continue;
        }
        for (const p of placeholders(enText)) {
          if (!placeholders(text).has(p)) problems.push(`${lng}/${ns}: ${base} lacks {{${p}}}`);
        }
      }
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkLocales();
  if (problems.length) {
    console.error(`Locales lag behind English (${problems.length}):\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log('Locales: every key, plural form and placeholder English has is present.');
}
