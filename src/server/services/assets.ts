/** Which pictures and clips an engagement uses, and which of them the server could not serve to a device. */
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { EngagementContent } from '../../shared/engagement';
import type { DB } from '../db/schema';
import { openmojiFile } from './pictograms';

export function assetsOf(c: EngagementContent): string[] {
  const out = new Set<string>();
  for (const q of c.questions) {
    if (q.picture) out.add(q.picture.src);
    for (const o of q.options ?? []) if (o.picture) out.add(o.picture.src);
    for (const f of Object.values(q.audio ?? {})) for (const src of Object.values(f ?? {})) if (src) out.add(src);
  }
  return [...out];
}

/**
 * The sources the server lacks: uploads not in the media table, OpenMoji symbols not in the package, and
 * bundled files (/audio/, /pictograms/) not in the built app. Without a built app (or `distDir` '') the bundled
 * files are not checked: nothing is served then anyway.
 */
export async function absentAssets(db: Kysely<DB>, distDir: string, c: EngagementContent): Promise<Set<string>> {
  const srcs = assetsOf(c);
  const absent = new Set<string>();
  const hashes = srcs.flatMap((s) => /^\/media\/([0-9a-f]{64})$/.exec(s)?.[1] ?? []);
  const have = hashes.length
    ? new Set((await db.selectFrom('media').select('sha256').where('sha256', 'in', hashes).execute()).map((r) => r.sha256))
    : new Set<string>();
  const built = distDir !== '' && fs.existsSync(path.join(distDir, 'index.html'));
  for (const src of srcs) {
    const sha = /^\/media\/([0-9a-f]{64})$/.exec(src)?.[1];
    const symbol = /^\/pictograms\/openmoji\/([\w-]+\.svg)$/.exec(src)?.[1];
    if (sha) {
      if (!have.has(sha)) absent.add(src);
    } else if (symbol) {
      if (!openmojiFile(symbol)) absent.add(src);
    } else if (built && !fs.existsSync(path.join(distDir, path.normalize(src).replace(/^(\.\.[/\\])+/, '')))) absent.add(src);
  }
  return absent;
}
