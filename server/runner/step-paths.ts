import { join } from 'node:path';

/** Where one step keeps its state: `${dataDir}/steps/<workflow uid>/<node id>/`. */
export interface StepPaths {
  dir: string;
  /** The persisted StepRecord, rewritten on every change. */
  status: string;
  /** Stdout and stderr interleaved, one timestamped line each. */
  log: string;
  /** Raw stdout, for `outputs.result`. */
  stdout: string;
  /** The step's private root: its `/tmp`, `/argo/staging/script` and output paths live here. */
  root: string;
}

export const stepsDirName = 'steps';

export function toStepPaths(dataDir: string, workflowUid: string, id: string): StepPaths {
  return toStepPathsIn(join(dataDir, stepsDirName, toSafeSegment(workflowUid), toSafeSegment(id)));
}

export function toStepPathsIn(dir: string): StepPaths {
  return {
    dir,
    status: join(dir, 'status.json'),
    log: join(dir, 'main.log'),
    stdout: join(dir, 'stdout'),
    root: join(dir, 'fs'),
  };
}

/** Node ids and uids are DNS-like already; this only guards against separators and dot segments. */
export function toSafeSegment(value: string): string {
  const encoded = encodeURIComponent(value);
  return encoded === '' || /^\.+$/.test(encoded) ? encoded.replace(/\./g, '%2E') || '%00' : encoded;
}
