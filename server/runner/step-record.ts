import { readFile, rename, writeFile } from 'node:fs/promises';
import type { StepObservation, StepSpec } from './step-runner';

/** The JSON kept per step so that a restarted runner knows how each step ended. */
export interface StepRecord {
  version: 1;
  id: string;
  workflow: StepSpec['workflow'];
  templateName: string;
  sandboxed: boolean;
  observation: StepObservation;
  /** The process group leader and its start time (from /proc), to recognise it after a restart. */
  pid?: number;
  pidStartTime?: string;
}

/** Write-then-rename, so a crash leaves the old record or the new one, never half of one. */
export async function writeStepRecord(path: string, record: StepRecord): Promise<void> {
  const temporary = `${path}.tmp`;
  await writeFile(temporary, `${JSON.stringify(record, null, 2)}\n`);
  await rename(temporary, path);
}

export async function readStepRecord(path: string): Promise<StepRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(path, 'utf8')) as StepRecord;
    return record.version === 1 && typeof record.id === 'string' && record.observation ? record : undefined;
  } catch {
    return undefined;
  }
}

export function isFinished(phase: StepObservation['phase']): boolean {
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Error';
}
