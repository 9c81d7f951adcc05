import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { killGroupIfSame } from './process-identity';
import { isFinished, readStepRecord, writeStepRecord, type StepRecord } from './step-record';
import { stepsDirName, toStepPathsIn } from './step-paths';

/** The message of a step whose process Capstan lost by stopping; Argo's equivalent is "pod deleted". */
export const lostMessage = 'Capstan stopped while the step was running; its process is gone';

export interface RecoveredStep {
  dir: string;
  record: StepRecord;
}

/**
 * Loads every step a previous runner left in `dataDir`. Steps it left unfinished become Errors: their
 * processes died with it (bwrap's --die-with-parent), and any unsandboxed survivor is killed here.
 */
export async function recoverSteps(dataDir: string, now: Date): Promise<RecoveredStep[]> {
  const recovered: RecoveredStep[] = [];
  const root = join(dataDir, stepsDirName);
  for (const workflowDir of await listDirs(root)) {
    for (const stepDir of await listDirs(join(root, workflowDir))) {
      const dir = join(root, workflowDir, stepDir);
      const { status } = toStepPathsIn(dir);
      const record = await readStepRecord(status);
      if (!record) continue;
      if (!isFinished(record.observation.phase)) {
        if (record.pid !== undefined && record.pidStartTime !== undefined) await killGroupIfSame(record.pid, record.pidStartTime);
        record.observation = { ...record.observation, phase: 'Error', message: lostMessage, finishedAt: now.toISOString() };
        await writeStepRecord(status, record);
      }
      recovered.push({ dir, record });
    }
  }
  return recovered;
}

async function listDirs(path: string): Promise<string[]> {
  try {
    return (await readdir(path, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch {
    return [];
  }
}
