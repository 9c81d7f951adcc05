import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, lstat, readlink } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { defaultHostPaths, type HostPath } from './bwrap-args';

/** `CAPSTAN_SANDBOX`: `bwrap` requires bubblewrap, `none` never sandboxes, `auto` uses it when it works. */
export type SandboxMode = 'bwrap' | 'none' | 'auto';

export type Sandbox =
  | { kind: 'bwrap'; bwrapPath: string; hostPaths: HostPath[] }
  | { kind: 'none'; reason: string };

export class SandboxError extends Error {}

export function parseSandboxMode(value: string | undefined): SandboxMode {
  const mode = (value ?? '').trim().toLowerCase() || 'auto';
  if (mode === 'bwrap' || mode === 'none' || mode === 'auto') return mode;
  throw new SandboxError(`CAPSTAN_SANDBOX: expected bwrap, none or auto, got "${value}"`);
}

/**
 * Decides once, at start-up, how steps run. bwrap can be installed yet unusable (user namespaces
 * disabled, or already inside a container without them), so it is tried, not just looked up.
 */
export async function detectSandbox(mode: SandboxMode, extraReadOnlyPaths: string[] = [], pathEnv = process.env.PATH ?? ''): Promise<Sandbox> {
  if (mode === 'none') return { kind: 'none', reason: 'CAPSTAN_SANDBOX=none' };
  const bwrapPath = await findOnPath('bwrap', pathEnv);
  const failure = bwrapPath ? await probeBwrap(bwrapPath) : 'bwrap (bubblewrap) is not installed';
  if (bwrapPath && failure === undefined) {
    return { kind: 'bwrap', bwrapPath, hostPaths: await inspectHostPaths([...defaultHostPaths, ...extraReadOnlyPaths]) };
  }
  if (mode === 'bwrap') throw new SandboxError(`CAPSTAN_SANDBOX=bwrap but ${failure}`);
  return { kind: 'none', reason: failure ?? 'bwrap unusable' };
}

async function findOnPath(name: string, pathEnv: string): Promise<string | undefined> {
  for (const dir of pathEnv.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // keep looking
    }
  }
  return undefined;
}

/**
 * Runs a sandbox with the namespaces steps use, and sets its hostname as steps do: inside a container, mounting /proc
 * and setting the hostname are refused separately (masked /proc paths; the seccomp profile), and a probe that passed
 * without the second would leave every step failing to start.
 */
function probeBwrap(bwrapPath: string): Promise<string | undefined> {
  const args = ['--ro-bind', '/', '/', '--proc', '/proc', '--dev', '/dev', '--unshare-pid', '--unshare-ipc', '--unshare-uts', '--hostname', 'capstan-probe', '--die-with-parent', 'true'];
  return new Promise((resolve) => {
    execFile(bwrapPath, args, { timeout: 10_000 }, (error, _stdout, stderr) => {
      resolve(error ? `bwrap cannot create a sandbox here: ${stderr.trim() || error.message}` : undefined);
    });
  });
}

async function inspectHostPaths(paths: string[]): Promise<HostPath[]> {
  const found: HostPath[] = [];
  for (const path of paths) {
    try {
      const stat = await lstat(path);
      found.push(stat.isSymbolicLink() ? { path, symlinkTo: await readlink(path) } : { path });
    } catch {
      // absent on this host (e.g. /lib32): nothing to share
    }
  }
  return found;
}
