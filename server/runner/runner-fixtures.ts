import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalRunner, type LocalRunner, type LocalRunnerOptions } from './local-runner';
import { isFinished } from './step-record';
import { toStepRef, type StepLogOptions, type StepObservation, type StepRef, type StepRunner, type StepSpec } from './step-runner';

// Helpers for the runner's tests, which spawn real processes.

const dataDirs: string[] = [];

export function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'capstan-runner-'));
  dataDirs.push(dir);
  return dir;
}

export async function removeDataDirs(): Promise<void> {
  await Promise.all(dataDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export function newRunner(options: Partial<LocalRunnerOptions> & Pick<LocalRunnerOptions, 'sandbox'>): Promise<LocalRunner> {
  return createLocalRunner({ dataDir: newDataDir(), terminationGracePeriodMs: 2_000, ...options });
}

export const workflow = { namespace: 'argo', name: 'hello', uid: 'uid-1' };

export function buildSpec(id: string, overrides: Partial<StepSpec> = {}): StepSpec {
  return { id, workflow, templateName: 'main', container: { image: 'busybox' }, ...overrides };
}

export function shellSpec(id: string, script: string, overrides: Partial<StepSpec> = {}): StepSpec {
  return buildSpec(id, { container: { image: 'busybox', command: ['sh', '-c', script] }, ...overrides });
}

/** Resolves with the step's first observation that satisfies `predicate`. */
export function waitFor(runner: StepRunner, ref: StepRef, predicate: (o: StepObservation) => boolean): Promise<StepObservation> {
  return new Promise((resolve) => {
    const current = runner.observe(ref);
    if (current && predicate(current)) return resolve(current);
    const unsubscribe = runner.onChange((observation) => {
      if (observation.id !== ref.id || observation.workflowUid !== ref.workflowUid || !predicate(observation)) return;
      unsubscribe();
      resolve(observation);
    });
  });
}

export async function runToEnd(runner: StepRunner, spec: StepSpec): Promise<StepObservation> {
  const ended = waitFor(runner, toStepRef(spec), (o) => isFinished(o.phase));
  await runner.start(spec);
  return ended;
}

export async function readLines(runner: StepRunner, ref: StepRef, options: StepLogOptions = {}, signal?: AbortSignal): Promise<string[]> {
  const lines: string[] = [];
  for await (const { line } of runner.logs(ref, options, signal)) lines.push(line);
  return lines;
}
