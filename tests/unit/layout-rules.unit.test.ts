/**
 * The layout rules of DESIGN.md are enforced by Biome's noRestrictedImports (biome.json overrides). This test
 * writes small probe files at the paths where real code lives, in a scratch copy of the layout that holds only
 * biome.json, and asks Biome what it thinks of them, so a change to biome.json that silently drops a rule fails
 * here. The scratch copy keeps the real tree untouched (a probe there would make the app look changed since
 * it was built).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const project = path.resolve(import.meta.dirname, '../..');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'blether-layout-'));
fs.copyFileSync(path.join(project, 'biome.json'), path.join(root, 'biome.json'));

function probe(where: string, source: string): string {
  fs.mkdirSync(path.join(root, where), { recursive: true });
  const file = path.join(root, where, `zz-layout-probe-${randomUUID()}.ts`);
  fs.writeFileSync(file, `${source}\n\nexport const probe = [x];\n`);
  return path.relative(root, file);
}

function restricted(file: string): string[] {
  let out: string;
  try {
    out = execFileSync(path.join(project, 'node_modules/.bin/biome'), ['lint', '--reporter=json', file], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (e) {
    out = (e as { stdout: string }).stdout;
  }
  const report = JSON.parse(out) as { diagnostics: { category: string; message: string }[] };
  return report.diagnostics.filter((d) => d.category === 'lint/style/noRestrictedImports').map((d) => d.message);
}

afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('layout rules (Biome noRestrictedImports)', () => {
  it.each([
    ['src/shared', "import { x } from '../db/index';", /src\/shared\/ imports nothing/],
    ['src/server', "import { x } from '../db/index';", /src\/server\/ imports only src\/shared/],
    ['src/server/routes', "import { x } from '../../features/manage/api';", /src\/server\/ imports only src\/shared/],
    ['src/features/feedback', "import { x } from '../manage/api';", /never imports another feature/],
    ['src/features/manage/insight', "import { x } from '../../participate/Journey';", /never imports another feature/],
    ['src/sync', "import { openDB as x } from 'idb';", /Only src\/db\/ talks to IndexedDB/],
    ['src/features/participate', "import { openDB as x } from 'idb';", /Only src\/db\/ talks to IndexedDB/],
  ])('refuses in %s: %s', (where, source, message) => {
    const found = restricted(probe(where, source));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(message);
  });

  it.each([
    ['src/server/routes', "import { x } from '../../shared/ids';"],
    ['src/server/routes', "import { x } from '../services/claims';"],
    ['src/features/participate/steps', "import { x } from '../state';"],
    ['src/db', "import { openDB as x } from 'idb';"],
  ])('allows in %s: %s', (where, source) => {
    expect(restricted(probe(where, source))).toEqual([]);
  });
});
