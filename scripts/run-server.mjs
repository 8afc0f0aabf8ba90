// Runs one of the server's commands (main, cli, backup): in production (NODE_ENV=production, or wherever tsx
// is not installed, as after `npm ci --omit=dev`) the compiled JavaScript in dist-server/ with plain node;
// otherwise the TypeScript source through tsx, so development needs no build step for the server.
import { spawn } from 'node:child_process';
import fs from 'node:fs';

function hasTsx() {
  try {
    import.meta.resolve('tsx');
    return true;
  } catch {
    return false;
  }
}

export const compiled = process.env.NODE_ENV === 'production' || !hasTsx();

export function runServer(name, args = []) {
  let argv = ['--import', 'tsx', `src/server/${name}.ts`, ...args];
  if (compiled) {
    const file = `dist-server/${name}.js`;
    if (!fs.existsSync(file)) {
      console.error(`${file} is missing: run \`npm run build\` (with dev dependencies installed) before starting in production.`);
      process.exit(1);
    }
    argv = ['--enable-source-maps', file, ...args];
  }
  const child = spawn(process.execPath, argv, { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (import.meta.url === `file://${process.argv[1]}`) runServer(process.argv[2], process.argv.slice(3));
