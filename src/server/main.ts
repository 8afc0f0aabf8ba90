import { buildApp } from './app';
import { loadConfig } from './config';
import { openDatabase } from './db/index';
import { JobRunner } from './jobs';
import { loadServerKey } from './keys';
import { retentionJobs } from './retention';
import { seedIfEmpty } from './seed';

async function main() {
  const config = loadConfig();
  const database = await openDatabase(config);
  const serverKey = loadServerKey(config.dataDir, config.serverKey);
  const app = await buildApp({
    config,
    database,
    serverKey,
    // the first batch after a start need not wait while the opener's threads load
    warmOpener: true,
    logger: {
      level: config.logLevel,
      // defence in depth: the default serializers log no headers or bodies, and nothing secret may slip in later
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.token', '*.password', '*.code'],
        censor: '[redacted]',
      },
    },
  });
  const seeded = await seedIfEmpty(database.db, serverKey);
  await app.listen({ port: config.port, host: config.host });
  const jobs = new JobRunner(database.db, retentionJobs(database.db), (msg) => app.log.warn(msg));
  jobs.start();
  const address = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  const lines = [
    '',
    `  Blether is running at ${address}/`,
    `  Database: ${database.dialect === 'sqlite' ? `SQLite in ${config.dataDir}` : 'PostgreSQL'}`,
  ];
  if (seeded.demo) lines.push(`  A demo engagement, "Your library, your say", has been made for you.`);
  if (seeded.setupToken) {
    lines.push(
      '',
      '  Staff pages: nobody has an account yet. Make the first admin account with this one-time link',
      `  (it works once, for 24 hours): ${address}/staff/setup#token=${seeded.setupToken}`,
    );
  }
  if (seeded.enrolmentCode) {
    lines.push(
      '',
      '  What to do next:',
      `  1. Open ${address}/enrol#code=${seeded.enrolmentCode} in Chromium, Chrome, Edge or Firefox.`,
      '     It sets this browser up as an outreach device (the code works once, for 15 minutes).',
      '  2. Press "Start" on the demo engagement and answer as a participant would.',
      '  3. Answers wait on the device and are sent when there is a connection; see them arrive with',
      '     npm run cli -- counts',
    );
  }
  lines.push('', '  Stop with Ctrl+C.', '');
  process.stdout.write(`${lines.join('\n')}\n`);

  const stop = async () => {
    // a request that never finishes (a client gone quiet mid-upload) must not keep the process alive for ever:
    // committed work is safe in the database, so after a grace period the process exits anyway
    setTimeout(() => process.exit(1), 10_000).unref();
    jobs.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  process.stderr.write(`Blether could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
