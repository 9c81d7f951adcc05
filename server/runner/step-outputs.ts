import { cp, open, readFile, stat } from 'node:fs/promises';
import { posix } from 'node:path';
import type { PathView } from './bwrap-args';
import type { StepOutputs, StepSpec } from './step-runner';

/** Argo keeps at most this much of stdout as `outputs.result` (its annotation size limit). */
export const maxResultBytes = 256 * 1024;

/** Argo's CaptureScriptResult: drop one trailing newline, then keep the last 256 KiB. */
export function toResult(stdout: Buffer): string {
  const trimmed = stdout.at(-1) === 10 ? stdout.subarray(0, -1) : stdout;
  return trimmed.subarray(Math.max(0, trimmed.length - maxResultBytes)).toString('utf8');
}

export interface CollectedOutputs {
  outputs: StepOutputs;
  /** Why a required output is missing; the step is an Error if it had otherwise succeeded. */
  errors: string[];
}

/**
 * Reads a finished step's outputs through its view of the filesystem. Unsandboxed, artifacts are
 * copied under `stableRoot` first, because the host paths they were written to are shared and the
 * next step may overwrite them.
 */
export async function collectOutputs(spec: StepSpec, view: PathView, stdoutPath: string | undefined, exitCode: number | undefined, stableRoot: string | undefined): Promise<CollectedOutputs> {
  const outputs: StepOutputs = {};
  const errors: string[] = [];
  if (exitCode !== undefined) outputs.exitCode = String(exitCode);
  if (stdoutPath !== undefined) outputs.result = toResult(await readTail(stdoutPath, maxResultBytes + 1));
  for (const parameter of spec.outputs?.parameters ?? []) {
    const path = parameter.valueFrom?.path;
    if (!path) continue;
    const value = await readParameter(view.toHost(path), parameter.valueFrom?.default);
    if (value instanceof Error) errors.push(describe(path, value));
    else (outputs.parameters ??= []).push({ name: parameter.name, value });
  }
  for (const artifact of spec.outputs?.artifacts ?? []) {
    const localPath = await keepArtifact(view, artifact.path, stableRoot).catch((error: NodeJS.ErrnoException) => {
      if (!artifact.optional) errors.push(describe(artifact.path, error));
      return undefined;
    });
    if (localPath !== undefined) (outputs.artifacts ??= []).push({ name: artifact.name, localPath });
  }
  return { outputs, errors };
}

/** The file's text, or the default when it cannot be read, or why it cannot be read without one. */
async function readParameter(hostPath: string, fallback: string | undefined): Promise<string | NodeJS.ErrnoException> {
  try {
    // Argo trims one newline for convenience, so `echo value > file` gives "value".
    return (await readFile(hostPath, 'utf8')).replace(/\n$/, '');
  } catch (error) {
    return fallback ?? (error as NodeJS.ErrnoException);
  }
}

async function keepArtifact(view: PathView, path: string, stableRoot: string | undefined): Promise<string> {
  const hostPath = view.toHost(path);
  await stat(hostPath);
  if (stableRoot === undefined || hostPath.startsWith(`${stableRoot}/`)) return hostPath;
  const kept = posix.join(stableRoot, posix.resolve(view.cwd, path));
  await cp(hostPath, kept, { recursive: true, force: true });
  return kept;
}

/** Go's wording for file errors, since Argo's messages carry it. */
function describe(path: string, error: NodeJS.ErrnoException): string {
  const reasons: Record<string, string> = { ENOENT: 'no such file or directory', EISDIR: 'is a directory', EACCES: 'permission denied' };
  return `open ${path}: ${reasons[error.code ?? ''] ?? error.message}`;
}

async function readTail(path: string, bytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    const length = Math.min(size, bytes);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    return buffer;
  } catch {
    return Buffer.alloc(0);
  } finally {
    await handle?.close();
  }
}
