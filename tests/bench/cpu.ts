/**
 * CPU time (ms) of the benchmark's child processes (the server, and Chromium by process type), from /proc.
 * CPU per bundle moves far less with what else runs on the machine than wall-clock time does.
 */
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const TICK_MS = 10; // Linux's USER_HZ is 100

function kind(pid: string, comm: string): string {
  if (comm === 'node') return 'server';
  if (!comm.startsWith('chrom')) return 'other';
  const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  const type = /--type=([\w-]+)/.exec(cmd)?.[1];
  if (!type) return 'browser';
  return type === 'utility' ? (/--utility-sub-type=network/.test(cmd) ? 'network' : 'utility') : type;
}

/** CPU ms (user + system) of a process or thread so far, from its stat file. */
function ticks(file: string): number {
  const fields = readFileSync(file, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** CPU ms so far of every descendant of this process, summed by kind (server, browser, renderer, network, …). */
export function cpuMs(): Record<string, number> {
  if (process.platform !== 'linux') return {};
  const rows = execSync('ps -e -o pid=,ppid=,comm=')
    .toString()
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/) as [string, string, string]);
  const children = new Map<string, string[]>();
  for (const [pid, ppid] of rows) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const comm = new Map(rows.map(([pid, , c]) => [pid, c]));
  const out: Record<string, number> = {};
  const walk = (pid: string) => {
    for (const child of children.get(pid) ?? []) {
      try {
        const k = kind(child, comm.get(child) ?? '');
        out[k] = (out[k] ?? 0) + ticks(`/proc/${child}/stat`);
        // the server's own thread apart from its others (the opener's worker threads, libuv's pool, V8's GC)
        if (k === 'server') out.server_main = (out.server_main ?? 0) + ticks(`/proc/${child}/task/${child}/stat`);
      } catch {
        // gone meanwhile
      }
      walk(child);
    }
  };
  walk(String(process.pid));
  return out;
}

/** CPU ms per bundle spent between two readings, by kind. */
export function perBundle(before: Record<string, number>, after: Record<string, number>, bundles: number): Record<string, number> {
  const kinds = Object.keys(after).filter((k) => k !== 'other' && (after[k] ?? 0) - (before[k] ?? 0) > 0);
  return Object.fromEntries(kinds.map((k) => [k, Math.round((((after[k] ?? 0) - (before[k] ?? 0)) / bundles) * 100) / 100]));
}
