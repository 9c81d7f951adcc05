import { readFile } from 'node:fs/promises';

/**
 * The start time of a process in clock ticks since boot (field 22 of /proc/<pid>/stat). A pid alone
 * can be reused after a restart; pid and start time together name one process. Undefined off Linux.
 */
export async function readStartTime(pid: number): Promise<string | undefined> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces and parentheses; fields after it are plain.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}

/** Kills the process group led by `pid` if that leader is still the process recorded earlier. */
export async function killGroupIfSame(pid: number, startTime: string): Promise<boolean> {
  if ((await readStartTime(pid)) !== startTime) return false;
  try {
    process.kill(-pid, 'SIGKILL');
    return true;
  } catch {
    return false;
  }
}

/** Signals a process group, ignoring one that is already gone. */
export function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already exited
  }
}

/** The direct children of `pid` (Linux), e.g. the step's command under bwrap's pid-1 reaper. */
export async function readChildren(pid: number): Promise<number[]> {
  try {
    const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8');
    return text.split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
