import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

/**
 * Peak memory of an app instance. `next start` may serve from a child process, so the
 * process is found by the port it listens on rather than by the pid that was spawned.
 * Linux only (/proc); elsewhere the figure is left out.
 */
export function pidListeningOn(port: number): number | undefined {
  const inodes = listeningSocketInodes(port);
  if (inodes.size === 0) return undefined;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // another user's process, or gone
    }
    for (const fd of fds) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match && inodes.has(match[1])) return Number(pid);
      } catch {
        // closed meanwhile
      }
    }
  }
  return undefined;
}

/** VmHWM: the most resident memory the process has used since it started, in MiB. */
export function peakResidentMiB(pid: number | undefined): number | undefined {
  return statusMiB(pid, 'VmHWM');
}

/** VmRSS: resident memory now, in MiB. */
export function residentMiB(pid: number | undefined): number | undefined {
  return statusMiB(pid, 'VmRSS');
}

function statusMiB(pid: number | undefined, field: 'VmHWM' | 'VmRSS'): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round((Number(match[1]) / 1024) * 10) / 10 : undefined;
  } catch {
    return undefined;
  }
}

function listeningSocketInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[];
    try {
      lines = readFileSync(table, 'utf8').trim().split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN; the inode is the tenth field.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A') inodes.add(fields[9]);
    }
  }
  return inodes;
}

export interface HeapReport {
  heapUsedMiB: number;
  heapTotalMiB: number;
  rssMiB: number;
}

/**
 * The live heap after a full collection, from the app's own report (lib/http/heap-report.ts):
 * the app must run with `--expose-gc` (NODE_OPTIONS), which the bench gives it.
 */
export async function heapAfterGc(app: { output: () => string }, pid: number, timeoutMs = 10_000): Promise<HeapReport> {
  const seen = app.output().length;
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const line = app
      .output()
      .slice(seen)
      .split('\n')
      .find((l) => l.includes('"event":"process.heap"'));
    if (line) return JSON.parse(line) as HeapReport;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the app wrote no heap report: is it running with --expose-gc and the server hooks?');
}
