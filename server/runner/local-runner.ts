import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { rm } from 'node:fs/promises';
import type { Logger } from '../logger';
import type { PathView } from './bwrap-args';
import { findExecutable } from './find-executable';
import { runPodContainers, type PodContainer } from './pod-containers';
import { prepareStep, type PreparedStep, type StepArtifactSettings } from './prepare-step';
import { saveStepArtifacts } from './save-artifacts';
import { readStartTime } from './process-identity';
import { readStepLogs } from './read-logs';
import { lostMessage, recoverSteps } from './recover-steps';
import { detectSandbox, parseSandboxMode, type Sandbox, type SandboxMode } from './sandbox';
import { capturesResult, defaultPath, toArgv, toStepEnv } from './step-command';
import { StepLog } from './step-log';
import { collectOutputs } from './step-outputs';
import { toStepPaths, toStepPathsIn, type StepPaths } from './step-paths';
import { launchStepProcess, type Launch, type StepProcess, type StepProcessExit } from './step-process';
import { isFinished, writeStepRecord, type StepRecord } from './step-record';
import {
  StepNotFoundError,
  type StepLogLine,
  type StepLogOptions,
  type StepObservation,
  type StepPodContainer,
  type StepRef,
  type StepRunner,
  type StepSpec,
} from './step-runner';

/** Commands that container images name one way and Debian hosts another. */
const commandAliases: Record<string, string> = { python: 'python3', pip: 'pip3' };

export interface LocalRunnerOptions {
  dataDir: string;
  /** Defaults to CAPSTAN_SANDBOX, then `auto`. */
  sandbox?: SandboxMode;
  /** Argo's pods have a network, so steps share the host's unless this is false. */
  network?: boolean;
  /** Host paths to share read-only besides /usr, /etc and /lib*, e.g. /opt or /nix. */
  readOnlyPaths?: string[];
  /** Between SIGTERM and SIGKILL, as a pod's terminationGracePeriodSeconds (Kubernetes: 30 s). */
  terminationGracePeriodMs?: number;
  logger?: Pick<Logger, 'warn' | 'info'>;
  /** Lets steps download input artifacts and upload outputs; without it, outputs stay as local paths. */
  artifacts?: StepArtifactSettings;
}

/** The kubelet's message when a pod outlives activeDeadlineSeconds; Argo shows it on the node. */
export const deadlineMessage = 'Pod was active on the node longer than the specified deadline';

/** Emissary's exit code when it cannot run the command at all. */
const emissaryErrorCode = 64;

interface Outcome {
  phase: 'Failed' | 'Error';
  message: string;
}

interface StepState {
  paths: StepPaths;
  record: StepRecord;
  /** Present while the step's output is still being written. */
  log?: StepLog;
  process?: StepProcess;
  launched: Promise<void>;
  finished: Promise<void>;
  markFinished: () => void;
  /** Why the step is being ended early; it wins over the exit code. */
  stopping?: Outcome;
  /** Set once the process has ended: from then on a stop is too late to change the outcome. */
  finishing?: boolean;
  deadline?: NodeJS.Timeout;
  saving: Promise<void>;
}

/** Detects the sandbox, recovers steps left in the data directory, and returns a ready runner. */
export async function createLocalRunner(options: LocalRunnerOptions): Promise<LocalRunner> {
  const sandbox = await detectSandbox(options.sandbox ?? parseSandboxMode(process.env.CAPSTAN_SANDBOX), options.readOnlyPaths);
  if (sandbox.kind === 'none' && sandbox.reason !== 'CAPSTAN_SANDBOX=none') {
    options.logger?.warn({ reason: sandbox.reason }, `steps run without a sandbox: ${unsandboxedHint(sandbox.reason)}`);
  }
  const runner = new LocalRunner(options, sandbox);
  for (const { dir, record } of await recoverSteps(options.dataDir, new Date())) runner.adopt(dir, record);
  return runner;
}

/** What running without a sandbox means, and how to get one, for the reason bubblewrap was not used. */
function unsandboxedHint(reason: string): string {
  const fix = reason.includes('not installed')
    ? 'install bubblewrap (apt-get install bubblewrap)'
    : 'inside a container, allow nested namespaces (docs/deploy.md, "Sandboxed steps in the container")';
  return `they see the whole host (or container), share its /tmp and write output paths on it; to sandbox them, ${fix}; CAPSTAN_SANDBOX=none silences this`;
}

/**
 * Embedded mode's pods: each step a local process in its own bubblewrap sandbox, or a plain process
 * when bubblewrap is unusable. Images cannot be honoured; commands come from the host.
 */
export class LocalRunner implements StepRunner {
  readonly sandboxed: boolean;
  private readonly steps = new Map<string, StepState>();
  private readonly listeners = new Set<(observation: StepObservation) => void>();
  private closed = false;

  constructor(private readonly options: LocalRunnerOptions, private readonly sandbox: Sandbox) {
    this.sandboxed = sandbox.kind === 'bwrap';
  }

  /** Takes over a step a previous runner persisted; it is finished by now (see recoverSteps). */
  adopt(dir: string, record: StepRecord): void {
    const state = this.newState(toStepPathsIn(dir), record);
    state.markFinished();
    this.steps.set(keyOf(record.observation), state);
  }

  start(spec: StepSpec): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the step runner is closed'));
    const key = keyOf({ workflowUid: spec.workflow.uid, id: spec.id });
    const existing = this.steps.get(key);
    if (existing) return existing.launched;
    const paths = toStepPaths(this.options.dataDir, spec.workflow.uid, spec.id);
    const state = this.newState(paths, {
      version: 1,
      id: spec.id,
      workflow: spec.workflow,
      templateName: spec.templateName,
      sandboxed: this.sandboxed,
      observation: { workflowUid: spec.workflow.uid, id: spec.id, phase: 'Pending' },
    });
    try {
      // Synchronous, so that a follower who asks for logs straight after start() gets the live log.
      mkdirSync(paths.dir, { recursive: true });
      state.log = new StepLog(paths.log, capturesResult(spec) ? paths.stdout : undefined);
    } catch (error) {
      return Promise.reject(error);
    }
    this.steps.set(key, state);
    state.launched = this.launch(state, spec);
    return state.launched;
  }

  observe(ref: StepRef): StepObservation | undefined {
    const observation = this.steps.get(keyOf(ref))?.record.observation;
    return observation && structuredClone(observation);
  }

  onChange(listener: (observation: StepObservation) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(ref: StepRef, reason: string): Promise<void> {
    const state = this.steps.get(keyOf(ref));
    if (!state) return;
    this.end(state, { phase: 'Failed', message: reason });
    await state.finished;
  }

  async *logs(ref: StepRef, options: StepLogOptions, signal?: AbortSignal): AsyncGenerator<StepLogLine> {
    const state = this.steps.get(keyOf(ref));
    if (!state) throw new StepNotFoundError(ref);
    yield* readStepLogs(state.paths.log, options, state.log, signal);
  }

  async remove(ref: StepRef): Promise<void> {
    const state = this.steps.get(keyOf(ref));
    if (!state) return;
    this.end(state, { phase: 'Failed', message: 'the step was removed' });
    await state.finished;
    this.steps.delete(keyOf(ref));
    await rm(state.paths.dir, { recursive: true, force: true });
  }

  async close(): Promise<void> {
    this.closed = true;
    const states = [...this.steps.values()];
    for (const state of states) this.end(state, { phase: 'Error', message: lostMessage });
    await Promise.all(states.map((state) => state.finished));
    this.listeners.clear();
  }

  private newState(paths: StepPaths, record: StepRecord): StepState {
    let markFinished = () => {};
    const finished = new Promise<void>((resolve) => (markFinished = resolve));
    return { paths, record, launched: Promise.resolve(), finished, markFinished, saving: Promise.resolve() };
  }

  /** Ends a step early: before it has a process it never gets one; after, it is terminated. */
  private end(state: StepState, outcome: Outcome): void {
    if (isFinished(state.record.observation.phase) || state.stopping || state.finishing) return;
    state.stopping = outcome;
    state.process?.terminate(this.options.terminationGracePeriodMs ?? 30_000);
  }

  private async launch(state: StepState, spec: StepSpec): Promise<void> {
    const log = state.log as StepLog;
    if (spec.activeDeadlineSeconds !== undefined) {
      state.deadline = setTimeout(() => this.end(state, { phase: 'Failed', message: deadlineMessage }), spec.activeDeadlineSeconds * 1000);
    }
    try {
      await this.update(state, {});
      const prepared = await prepareStep(spec, state.paths, this.sandbox, this.options.network ?? true, new Date(), this.options.artifacts);
      if (state.stopping) return await this.finish(state, spec, prepared.view, {});
      if (spec.containers?.length) return this.launchContainers(state, spec, prepared);
      if (!prepared.argv) {
        const error = 'nothing to run: the template has no command or args, and embedded mode cannot use the image\'s entrypoint';
        return await this.finish(state, spec, prepared.view, { error });
      }
      const resolved = await resolveArgv(prepared.argv, prepared.env, prepared.view);
      if (typeof resolved === 'string') {
        // Argo's emissary gives up with exit code 64 and this line in the main container's log.
        const reason = `failed to find name in PATH: ${resolved}`;
        log.note(reason);
        const message = `main: Error (exit code ${emissaryErrorCode}): ${reason}`;
        return await this.finish(state, spec, prepared.view, { exitCode: emissaryErrorCode }, { phase: 'Failed', message });
      }
      prepared.argv = resolved;
      const onRunning = () => void this.update(state, { phase: 'Running', startedAt: new Date().toISOString() });
      const process = launchStepProcess(prepared.launch, prepared.argv, prepared.env, log, onRunning);
      state.process = process;
      if (state.stopping) process.terminate(this.options.terminationGracePeriodMs ?? 30_000);
      if (process.pid !== undefined) {
        state.record.pid = process.pid;
        state.record.pidStartTime = await readStartTime(process.pid);
      }
      void process.exited.then((exit) => this.finish(state, spec, prepared.view, exit));
    } catch (error) {
      await this.finish(state, spec, undefined, { error: `could not prepare the step: ${(error as Error).message}` });
    }
  }

  /** A pod of several containers (a containerSet, sidecars): each its own process in the step's sandbox. */
  private launchContainers(state: StepState, spec: StepSpec, prepared: PreparedStep): void {
    const log = state.log as StepLog;
    const all = spec.containers ?? [];
    const set = all.filter((c) => c.role === 'set');
    const members: StepPodContainer[] = set.length ? set : [{ name: 'main', role: 'set', container: spec.container }];
    const envContext = {
      home: prepared.env.HOME ?? '/tmp',
      ...(prepared.env.TMPDIR ? { tmpDir: prepared.env.TMPDIR } : {}),
      startedAt: new Date(),
      includeScriptOutput: capturesResult(spec),
    };
    const toPodContainer = (c: StepPodContainer): PodContainer => ({
      name: c.name,
      role: c.role,
      dependencies: c.dependencies ?? [],
      resolve: async () => {
        // main of a container or script template runs as prepared; the others get their own command and env.
        const own = c.role === 'set' && !set.length;
        const env = own ? prepared.env : { ...toStepEnv({ ...spec, container: c.container }, envContext), ARGO_CONTAINER_NAME: c.name };
        const argv = own ? prepared.argv : toArgv({ ...spec, container: c.container, script: undefined }, env);
        if (!argv) return 'nothing to run: the container has no command or args, and embedded mode cannot use the image\'s entrypoint';
        const resolved = await resolveArgv(argv, env, prepared.view);
        return typeof resolved === 'string' ? `failed to find name in PATH: ${resolved}` : { argv: resolved, env };
      },
    });
    const process = runPodContainers([...all.filter((c) => c.role === 'sidecar'), ...members].map(toPodContainer), {
      launch: toSharedLaunch(prepared.launch, state.paths.root),
      log,
      resultContainer: members.some((c) => c.name === 'main') ? 'main' : undefined,
      retries: spec.containerRetry?.retries ?? 0,
      retryDelayMs: spec.containerRetry?.delayMs ?? 0,
      sidecarGraceMs: this.options.terminationGracePeriodMs ?? 30_000,
      onRunning: () => void this.update(state, { phase: 'Running', startedAt: new Date().toISOString() }),
      onStates: (containers) => void this.update(state, { containers }),
    });
    state.process = process;
    if (state.stopping) process.terminate(this.options.terminationGracePeriodMs ?? 30_000);
    void process.exited.then((exit) => this.finish(state, spec, prepared.view, exit, exit.failure));
  }

  private async finish(
    state: StepState,
    spec: StepSpec,
    view: PathView | undefined,
    exit: StepProcessExit,
    failure?: Outcome,
  ): Promise<void> {
    state.finishing = true;
    clearTimeout(state.deadline);
    if (exit.error) state.log?.note(exit.error);
    state.log?.end();
    state.log = undefined;
    const stdoutPath = capturesResult(spec) ? state.paths.stdout : undefined;
    const collected = view && exit.exitCode !== undefined
      ? await collectOutputs(spec, view, stdoutPath, exit.exitCode, this.sandboxed ? undefined : state.paths.root).catch((error: Error) => ({
          outputs: undefined,
          errors: [error.message],
        }))
      : undefined;
    if (collected?.outputs && this.options.artifacts && !state.stopping && !failure && exit.exitCode === 0 && collected.errors.length === 0) {
      collected.errors.push(...(await saveStepArtifacts(spec, state.paths.log, collected.outputs, this.options.artifacts)));
    }
    const outcome = state.stopping ?? failure ?? toOutcome(exit, collected?.errors ?? []);
    await this.update(state, {
      phase: outcome?.phase ?? 'Succeeded',
      message: outcome?.message,
      exitCode: exit.exitCode,
      finishedAt: new Date().toISOString(),
      outputs: collected?.outputs,
    });
    state.markFinished();
  }

  /** Applies a change, persists it (one write at a time per step) and tells the listeners. */
  private async update(state: StepState, change: Partial<StepObservation>): Promise<void> {
    const observation = { ...state.record.observation, ...change };
    for (const key of Object.keys(observation) as (keyof StepObservation)[]) {
      if (observation[key] === undefined) delete observation[key];
    }
    state.record.observation = observation;
    const record = structuredClone(state.record);
    state.saving = state.saving
      .then(() => writeStepRecord(state.paths.status, record))
      .catch((error: Error) => this.options.logger?.warn({ err: error, step: record.id }, 'could not persist a step status'));
    for (const listener of this.listeners) {
      try {
        listener(structuredClone(observation));
      } catch (error) {
        this.options.logger?.warn({ err: error }, 'a step listener threw');
      }
    }
    await state.saving;
  }
}

/**
 * One launch for several processes in the same root. bwrap's `--symlink` writes the merged-/usr links into the
 * shared root and refuses to run when they exist, so they are made once here instead.
 */
function toSharedLaunch(launch: Launch, rootDir: string): Launch {
  if (launch.kind !== 'bwrap') return launch;
  const bwrapArgs: string[] = [];
  for (let i = 0; i < launch.bwrapArgs.length; i++) {
    if (launch.bwrapArgs[i] !== '--symlink') {
      bwrapArgs.push(launch.bwrapArgs[i]!);
      continue;
    }
    const [target, path] = [launch.bwrapArgs[i + 1]!, launch.bwrapArgs[i + 2]!];
    i += 2;
    try {
      symlinkSync(target, join(rootDir, path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return { ...launch, bwrapArgs };
}

/**
 * The command as emissary finds it (Go's exec.LookPath), with the host's `python3` for images' `python`;
 * a string says why it cannot be found.
 */
async function resolveArgv(argv: string[], env: Record<string, string>, view: PathView): Promise<string[] | string> {
  const [name] = argv as [string];
  const pathEnv = env.PATH ?? defaultPath;
  const notFound = await findExecutable(name, pathEnv, view);
  if (!notFound) return argv;
  // Images such as python:alpine call the interpreter `python`; hosts often have only `python3`.
  const alias = commandAliases[name];
  if (alias && !(await findExecutable(alias, pathEnv, view))) return [alias, ...argv.slice(1)];
  return notFound;
}

/** Argo's verdict on a pod whose main container ended this way. */
function toOutcome(exit: StepProcessExit, outputErrors: string[]): Outcome | undefined {
  if (exit.error) return { phase: 'Error', message: exit.error };
  if (exit.exitCode !== 0) return { phase: 'Failed', message: `main: Error (exit code ${exit.exitCode})` };
  if (outputErrors.length > 0) return { phase: 'Error', message: `failed to save outputs: ${outputErrors.join('; ')}` };
  return undefined;
}

function keyOf(ref: StepRef): string {
  return `${ref.workflowUid}/${ref.id}`;
}
