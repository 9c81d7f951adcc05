import type { StepLog } from './step-log';
import { launchStepProcess, type Launch, type StepProcess, type StepProcessExit } from './step-process';
import type { StepContainerState } from './step-runner';

/** One of a pod's containers, ready to start: its command resolved, or why it cannot start (emissary's error). */
export interface PodContainer {
  name: string;
  /** `set`: a containerSet's (or the single main) container; `sidecar`: runs beside them until they end. */
  role: 'set' | 'sidecar';
  dependencies: string[];
  /** Resolved just before the container starts; a string is emissary's reason for exiting with 64. */
  resolve(): Promise<{ argv: string[]; env: Record<string, string> } | string>;
}

export interface PodContainersOptions {
  launch: Launch;
  log: StepLog;
  /** Whose stdout is `outputs.result`; the others' stdout goes to the log only, as Argo reads main's alone. */
  resultContainer: string | undefined;
  /** containerSet `retryStrategy`: extra attempts per container, and the pause between them. */
  retries: number;
  retryDelayMs: number;
  /** Grace between SIGTERM and SIGKILL when sidecars are stopped after the containers ended. */
  sidecarGraceMs: number;
  onRunning(): void;
  onStates(states: StepContainerState[]): void;
}

/** Emissary's exit code when it fails itself (a dependency failed, the command cannot be found). */
const emissaryErrorCode = 64;

/**
 * Runs a pod's containers as local processes sharing one sandbox, as emissary does in a pod: sidecars start
 * first and are stopped once every other container has ended; each containerSet container starts when its
 * `dependencies` have succeeded (one that failed ends it with 64 and emissary's message), and is retried
 * `retries` times. The returned process ends with the pod: Failed with the first failed container's
 * `<name>: Error (exit code N)`, as Argo infers a pod's failure.
 */
export function runPodContainers(containers: PodContainer[], options: PodContainersOptions): StepProcess {
  const states = new Map<string, StepContainerState>(containers.map((c) => [c.name, { name: c.name, state: 'waiting' }]));
  const running = new Map<string, StepProcess>();
  const stoppedSidecars = new Set<string>();
  let terminating: number | undefined;
  let announced = false;
  let firstPid: number | undefined;
  const report = () => options.onStates(containers.map((c) => ({ ...states.get(c.name)! })));
  const setState = (name: string, state: StepContainerState) => {
    states.set(name, state);
    report();
  };

  const sidecars = containers.filter((c) => c.role === 'sidecar');
  const members = containers.filter((c) => c.role === 'set');
  const byName = new Map(members.map((c) => [c.name, c]));
  const ended = new Map<string, Promise<number>>();

  const attempt = async (container: PodContainer): Promise<number> => {
    const resolved = await container.resolve();
    if (typeof resolved === 'string') {
      options.log.note(resolved);
      setState(container.name, { name: container.name, state: 'terminated', exitCode: emissaryErrorCode, reason: 'Error', message: resolved });
      return emissaryErrorCode;
    }
    const log = container.name === options.resultContainer ? options.log : stdoutToLogOnly(options.log);
    const process = launchStepProcess(options.launch, resolved.argv, resolved.env, log, () => {
      setState(container.name, { name: container.name, state: 'running' });
      if (!announced) {
        announced = true;
        options.onRunning();
      }
    });
    firstPid ??= process.pid;
    running.set(container.name, process);
    if (terminating !== undefined) process.terminate(terminating);
    const exit: StepProcessExit = await process.exited;
    running.delete(container.name);
    const exitCode = exit.exitCode ?? emissaryErrorCode;
    if (exit.error) options.log.note(exit.error);
    setState(container.name, {
      name: container.name, state: 'terminated', exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', ...(exit.error ? { message: exit.error } : {}),
    });
    return exitCode;
  };

  const run = (container: PodContainer): Promise<number> => {
    const existing = ended.get(container.name);
    if (existing) return existing;
    const promise = (async () => {
      for (const dependency of container.dependencies) {
        const dependencyCode = await run(byName.get(dependency)!);
        if (dependencyCode !== 0) {
          const message = `dependency "${dependency}" exited with non-zero code: ${dependencyCode}`;
          setState(container.name, { name: container.name, state: 'terminated', exitCode: emissaryErrorCode, reason: 'Error', message });
          return emissaryErrorCode;
        }
      }
      let exitCode = emissaryErrorCode;
      for (let tries = 0; tries <= options.retries; tries++) {
        if (terminating !== undefined) break;
        if (tries > 0) await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs));
        exitCode = await attempt(container);
        if (exitCode === 0) break;
      }
      return exitCode;
    })();
    ended.set(container.name, promise);
    return promise;
  };

  const sidecarExits = sidecars.map((sidecar) => attempt(sidecar).then((code) => ({ name: sidecar.name, code })));
  const exited = (async (): Promise<StepProcessExit> => {
    const codes = await Promise.all(members.map((c) => run(c).then((code) => ({ name: c.name, code }))));
    // argoexec stops the sidecars once the containers are done; their exit then does not count.
    for (const sidecar of sidecars) {
      const process = running.get(sidecar.name);
      if (process) {
        stoppedSidecars.add(sidecar.name);
        process.terminate(options.sidecarGraceMs);
      }
    }
    const sidecarCodes = (await Promise.all(sidecarExits)).filter((s) => !stoppedSidecars.has(s.name));
    const failed = [...codes, ...sidecarCodes].find((c) => c.code !== 0);
    const main = codes.find((c) => c.name === 'main') ?? (codes.length === 1 ? codes[0] : undefined);
    const exitCode = main?.code ?? failed?.code ?? 0;
    if (!failed) return { exitCode };
    const state = states.get(failed.name);
    const message = `${failed.name}: Error (exit code ${failed.code})${state?.message ? `: ${state.message}` : ''}`;
    return { exitCode, failure: { phase: 'Failed', message } };
  })();

  return {
    get pid() {
      return firstPid;
    },
    exited,
    terminate(graceMs: number) {
      terminating ??= graceMs;
      for (const process of running.values()) process.terminate(graceMs);
    },
  };
}

// Sidecars and the containers other than main write to the log, but their stdout is not the step's result.
function stdoutToLogOnly(log: StepLog): StepLog {
  return new Proxy(log, {
    get(target, property, receiver) {
      if (property === 'write') return (stream: 'stdout' | 'stderr', chunk: Buffer) => target.write(stream === 'stdout' ? 'stderr' : stream, chunk);
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
