import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { saveLogArtifact, saveOutputArtifact } from '../artifacts/transfer';
import { toArtifactContext, type StepArtifactSettings } from './prepare-step';
import { readStepLogs } from './read-logs';
import type { StepOutputs, StepSpec } from './step-runner';

/**
 * Uploads a finished step's output artifacts (and its log, with `archiveLogs`) as argoexec's wait container does,
 * recording each as saved on the outputs. Returns why any failed: the step is then an Error.
 */
export async function saveStepArtifacts(spec: StepSpec, logPath: string, outputs: StepOutputs, settings: StepArtifactSettings): Promise<string[]> {
  const context = toArtifactContext(spec, settings);
  const errors: string[] = [];
  for (const output of outputs.artifacts ?? []) {
    const declared = spec.outputs?.artifacts?.find((a) => a.name === output.name);
    if (!output.localPath || !declared) continue;
    try {
      output.saved = await saveOutputArtifact(declared.artifact ?? { name: declared.name, path: declared.path }, output.localPath, context);
    } catch (error) {
      errors.push(`artifact ${output.name}: ${(error as Error).message}`);
    }
  }
  if (spec.archiveLocation?.archiveLogs) {
    const dir = await mkdtemp(join(tmpdir(), 'capstan-log-'));
    try {
      const lines: string[] = [];
      for await (const line of readStepLogs(logPath, {}, undefined)) lines.push(line.line);
      await writeFile(join(dir, 'main.log'), lines.length ? `${lines.join('\n')}\n` : '');
      (outputs.artifacts ??= []).push({ name: 'main-logs', saved: await saveLogArtifact(join(dir, 'main.log'), context) });
    } catch (error) {
      errors.push(`logs: ${(error as Error).message}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return errors;
}
