import { posix } from 'node:path';

/** A host path the sandbox shares read-only, or recreates as the same symlink (merged-/usr hosts). */
export interface HostPath {
  path: string;
  symlinkTo?: string;
}

export interface BwrapLayout {
  /** The step's private root: every path not shared from the host lands here. */
  rootDir: string;
  hostPaths: HostPath[];
  cwd: string;
  hostname: string;
  network: boolean;
}

/** Paths of the host every step sees read-only, as an image's userland would be. */
export const defaultHostPaths = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/etc', '/run/systemd/resolve'];

/** Where bwrap writes `{"child-pid": N}` and `{"exit-code": N}`; the runner opens it as a pipe. */
export const statusFd = 3;

/**
 * Binding the step's own directory as `/` (then the host's userland over it) makes every absolute
 * path a step writes, such as `/tmp/out.txt` or `/mnt/out/x`, land in that directory, with no need
 * to know the paths in advance.
 */
export function toBwrapArgs(layout: BwrapLayout): string[] {
  const shared = layout.hostPaths.flatMap((entry) =>
    entry.symlinkTo === undefined ? ['--ro-bind', entry.path, entry.path] : ['--symlink', entry.symlinkTo, entry.path],
  );
  return [
    '--bind', layout.rootDir, '/',
    ...shared,
    '--proc', '/proc',
    '--dev', '/dev',
    '--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try',
    ...(layout.network ? [] : ['--unshare-net']),
    '--hostname', layout.hostname.slice(0, 63),
    // Capstan's death takes its steps with it, so a restart never finds orphans still writing.
    '--die-with-parent',
    '--chdir', layout.cwd,
    '--json-status-fd', String(statusFd),
    '--',
  ];
}

/** Translates paths between a step's view and the host's. */
export interface PathView {
  /** The host path holding what the step sees at `stepPath` (absolute, or relative to its cwd). */
  toHost(stepPath: string): string;
  /** The step's working directory, as the step sees it. */
  readonly cwd: string;
}

/** The view inside a bwrap sandbox laid out by `toBwrapArgs`. */
export function toSandboxView(layout: BwrapLayout): PathView {
  const toHost = (stepPath: string, depth = 0): string => {
    const path = posix.resolve(layout.cwd, stepPath);
    for (const entry of layout.hostPaths) {
      if (path !== entry.path && !path.startsWith(`${entry.path}/`)) continue;
      if (entry.symlinkTo === undefined) return path;
      // Follow the shared symlink as the sandbox would, e.g. /bin/sh -> /usr/bin/sh.
      const target = posix.resolve(posix.dirname(entry.path), entry.symlinkTo, path.slice(entry.path.length + 1));
      return depth < 8 ? toHost(target, depth + 1) : target;
    }
    return posix.join(layout.rootDir, path);
  };
  return { toHost: (stepPath) => toHost(stepPath), cwd: layout.cwd };
}

/** The view of an unsandboxed step: absolute paths are the host's own; relative ones start at cwd. */
export function toHostView(cwd: string): PathView {
  return { toHost: (stepPath) => posix.resolve(cwd, stepPath), cwd };
}
