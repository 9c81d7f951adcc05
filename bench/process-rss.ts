import { readFileSync } from 'node:fs';

// Resident set size of a process and its descendants, from /proc (Linux), in bytes; 0 once it has exited.
function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The RSS of `pid` and every process below it, now. */
export function treeRss(pid: number): number {
  return rssOf(pid) + childrenOf(pid).reduce((sum, child) => sum + treeRss(child), 0);
}

/** Samples a process tree's RSS every `everyMs` until stopped; `stop` returns the peak seen, in bytes. */
export function samplePeakRss(pid: number, everyMs = 250): { stop: () => number } {
  let peak = treeRss(pid);
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(pid))), everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, treeRss(pid));
    },
  };
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

/**
 * CPU time (user + system, seconds) used so far by `pid` and the processes below it: those that still run, and those
 * that ended and were waited for (PostgreSQL's backends come and go).
 */
export function treeCpuSeconds(pid: number): number {
  let ticks = 0;
  try {
    // Fields after the command (which may hold spaces): state is the 3rd field, utime and stime the 14th and 15th,
    // the waited-for children's cutime and cstime the 16th and 17th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
  } catch {
    return 0;
  }
  return ticks / 100 + childrenOf(pid).reduce((sum, child) => sum + treeCpuSeconds(child), 0);
}
