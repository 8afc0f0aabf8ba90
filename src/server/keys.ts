/**
 * The server key seals secrets at rest (engagement private keys; later bank and contact details).
 * It is generated on first start into the data folder with owner-only permissions, or given by
 * BLETHER_SERVER_KEY (base64 of 32 bytes).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface ServerKey {
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
}

export function loadServerKey(dataDir: string, fromEnv: string | undefined): ServerKey {
  let key: Buffer;
  if (fromEnv) {
    key = Buffer.from(fromEnv, 'base64');
    if (key.length !== 32) throw new Error('BLETHER_SERVER_KEY must be base64 of exactly 32 bytes');
  } else {
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const file = path.join(dataDir, 'server.key');
    try {
      key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      key = crypto.randomBytes(32);
      // 'wx': never overwrite a key another instance wrote a moment ago.
      try {
        fs.writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
      } catch (e2) {
        if ((e2 as NodeJS.ErrnoException).code !== 'EEXIST') throw e2;
        key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
      }
    }
    if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
  }
  return {
    seal(plaintext, context) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv('aes-256-gcm', key, iv);
      c.setAAD(Buffer.from(context));
      const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
      return `v1.${iv.toString('base64')}.${Buffer.concat([ct, c.getAuthTag()]).toString('base64')}`;
    },
    open(sealed, context) {
      const [ver, ivB64, body] = sealed.split('.');
      if (ver !== 'v1' || !ivB64 || !body) throw new Error('not a sealed value');
      const buf = Buffer.from(body, 'base64');
      const d = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(ivB64, 'base64'));
      d.setAAD(Buffer.from(context));
      d.setAuthTag(buf.subarray(buf.length - 16));
      return Buffer.concat([d.update(buf.subarray(0, buf.length - 16)), d.final()]).toString('utf8');
    },
  };
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}
