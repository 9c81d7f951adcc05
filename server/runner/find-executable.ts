import { stat } from 'node:fs/promises';
import { posix } from 'node:path';
import type { PathView } from './bwrap-args';

/**
 * Go's exec.LookPath as Argo's emissary runs it before starting the command, seen through the step's
 * view of the filesystem. Resolves to undefined when found, or to Go's error text when not, so that a
 * missing command reads as it does in Argo.
 */
export async function findExecutable(name: string, pathEnv: string, view: PathView): Promise<string | undefined> {
  const quoted = JSON.stringify(name);
  if (name.includes('/')) {
    const problem = await checkExecutable(view.toHost(name));
    if (problem === undefined) return undefined;
    return problem === 'missing' ? `exec: ${quoted}: stat ${name}: no such file or directory` : `exec: ${quoted}: permission denied`;
  }
  for (const dir of pathEnv.split(':')) {
    if ((await checkExecutable(view.toHost(posix.join(dir || '.', name)))) === undefined) return undefined;
  }
  return `exec: ${quoted}: executable file not found in $PATH`;
}

async function checkExecutable(hostPath: string): Promise<'missing' | 'not-executable' | undefined> {
  try {
    const info = await stat(hostPath);
    return info.isFile() && (info.mode & 0o111) !== 0 ? undefined : 'not-executable';
  } catch {
    return 'missing';
  }
}
