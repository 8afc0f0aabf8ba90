import fs from 'node:fs';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/shared/locales';

const COUNTS = [0, 1, 2, 3, 5, 11, 12, 21, 100];
const PLURAL_KEYS = ['priorities.left', 'priorities.tokens', 'queue.waiting'];

describe('plural forms in every shipped locale', () => {
  const resources: Record<string, { common: Record<string, Record<string, string>> }> = Object.fromEntries(
    LOCALES.map((l) => [l, { common: JSON.parse(fs.readFileSync(`locales/${l}/common.json`, 'utf8')) }]),
  );
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    await i18n.init({ resources, lng: 'en', fallbackLng: false, defaultNS: 'common', interpolation: { escapeValue: false } });
  });

  for (const lng of LOCALES) {
    it(`${lng}: ${COUNTS.join(', ')} each use the CLDR category the language needs`, () => {
      const rules = new Intl.PluralRules(lng);
      for (const key of PLURAL_KEYS) {
        for (const count of COUNTS) {
          const category = rules.select(count);
          const [ns, leaf] = key.split('.') as [string, string];
          const expected = resources[lng]?.common[ns]?.[`${leaf}_${category}`];
          expect(expected, `${lng} ${key}_${category}`).toBeTypeOf('string');
          const out = i18n.t(key, { lng, count });
          expect(out, `${lng} ${key} ${count}`).toBe(expected?.replace('{{count}}', String(count)));
          expect(out).not.toContain('{{');
        }
      }
    });
  }
});
