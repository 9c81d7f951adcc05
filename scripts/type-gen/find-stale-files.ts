import type { GeneratedFile } from './render-files';
import { generatedHeader } from './render-files';

/** Why a checked-in generated file does not match what the generator would write now. */
export interface StaleFile {
  path: string;
  reason: 'missing' | 'changed' | 'orphaned';
  /** For a changed file, the first line (1-based) that differs, to point CI logs at the drift. */
  line?: number;
}

function findFirstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  let index = 0;
  while (index < left.length && left[index] === right[index]) index++;
  return index + 1;
}

/**
 * Compares the generator's output with the files on disk (path -> content). Only files carrying the
 * generated header can be orphaned: anything else in the folder was put there by hand and is not ours.
 */
export function findStaleFiles(expected: readonly GeneratedFile[], actual: ReadonlyMap<string, string>): StaleFile[] {
  const stale: StaleFile[] = [];
  for (const file of expected) {
    const current = actual.get(file.path);
    if (current === undefined) stale.push({ path: file.path, reason: 'missing' });
    else if (current !== file.content) {
      stale.push({ path: file.path, reason: 'changed', line: findFirstDifferentLine(current, file.content) });
    }
  }
  const expectedPaths = new Set(expected.map((file) => file.path));
  for (const [path, content] of actual) {
    if (!expectedPaths.has(path) && content.startsWith(generatedHeader)) stale.push({ path, reason: 'orphaned' });
  }
  return stale;
}
