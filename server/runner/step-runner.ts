import type { Artifact, ArtifactLocation, Container, EnvVar, ScriptTemplate } from '@/lib/generated/argo';

/**
 * The contract between the controller and whatever runs a workflow's pods. The engine decides what to
 * run; the controller hands each "run this pod" action to a StepRunner and feeds observations back.
 * Everything in a StepSpec is already resolved: no `{{...}}` templates, no `valueFrom` references.
 */
export interface StepSpec {
  /** The node id (ARGO_NODE_ID). With the workflow's uid it names the step: see StepRef. */
  id: string;
  workflow: { namespace: string; name: string; uid: string };
  templateName: string;
  /** The pod name Argo would give the node; the sandbox's hostname. Defaults to `id`. */
  podName?: string;
  container: StepContainer;
  /**
   * The pod's other containers, all sharing the step's sandbox: a containerSet's (they run instead of
   * `container`, which then only gives the working directory) and sidecars (started before the main
   * containers, stopped once they end).
   */
  containers?: StepPodContainer[];
  /** A containerSet's `retryStrategy`: extra attempts per container and the pause between them. */
  containerRetry?: { retries: number; delayMs: number };
  /**
   * A script template's source. As in Argo it is written to `/argo/staging/script` and that path is
   * appended to the container's args; with no command, `sh` runs it.
   */
  script?: Pick<ScriptTemplate, 'source'>;
  outputs?: { parameters?: StepOutputParameter[]; artifacts?: StepOutputArtifact[] };
  /** Input artifacts and parameters materialised as files before the step starts. */
  inputFiles?: StepInputFile[];
  /** Input artifacts to download to their paths before the step starts (needs the runner's `artifacts`). */
  inputArtifacts?: Artifact[];
  /** Where output artifacts are uploaded: the template's archive location; none means the local repository. */
  archiveLocation?: ArtifactLocation;
  activeDeadlineSeconds?: number;
  /** The workflow's deadline (RFC 3339), given to the step as ARGO_DEADLINE. */
  deadline?: string;
  /** Capture stdout as `outputs.result` (ARGO_INCLUDE_SCRIPT_OUTPUT). Defaults to true for scripts. */
  includeScriptOutput?: boolean;
}

/** The main container, its env values resolved (no `valueFrom`). */
export interface StepContainer extends Pick<Container, 'command' | 'args' | 'workingDir'> {
  /** Recorded, but a local runner cannot honour images: host commands run instead. */
  image?: string;
  env?: Pick<EnvVar, 'name' | 'value'>[];
}

export interface StepPodContainer {
  name: string;
  role: 'set' | 'sidecar';
  container: StepContainer;
  dependencies?: string[];
}

/** One container's state, as a pod's containerStatuses tell it. */
export interface StepContainerState {
  name: string;
  state: 'waiting' | 'running' | 'terminated';
  exitCode?: number;
  reason?: string;
  message?: string;
}

export interface StepOutputParameter {
  name: string;
  valueFrom?: { path?: string; default?: string };
}

export interface StepOutputArtifact {
  name: string;
  path: string;
  /** A missing optional artifact is skipped instead of failing the step. */
  optional?: boolean;
  /** The template's output artifact (archive strategy, own location), for the upload. */
  artifact?: Artifact;
}

/** Either literal content or a host file or directory to copy in. */
export type StepInputFile = { path: string; mode?: number } & ({ content: string | Uint8Array } | { sourcePath: string });

export type StepPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Error';

export interface StepOutputs {
  /** Stdout without one trailing newline, keeping the last 256 KiB as Argo does. */
  result?: string;
  parameters?: { name: string; value: string }[];
  /** Host paths of the outputs; with the runner's `artifacts`, also each output as saved in its repository. */
  artifacts?: { name: string; localPath?: string; saved?: Artifact }[];
  exitCode?: string;
}

/**
 * Names a step. A node id alone is not enough: Argo derives it from the workflow's name, so two
 * namespaces' `hello` workflows, or `hello` deleted and submitted again, share node ids.
 */
export interface StepRef {
  workflowUid: string;
  id: string;
}

export function toStepRef(spec: StepSpec): StepRef {
  return { workflowUid: spec.workflow.uid, id: spec.id };
}

/** What a runner knows about one step, shaped like the fields of Argo's NodeStatus it feeds. */
export interface StepObservation extends StepRef {
  phase: StepPhase;
  exitCode?: number;
  /** Argo's wording, e.g. `main: Error (exit code 3)`. */
  message?: string;
  /** RFC 3339. */
  startedAt?: string;
  finishedAt?: string;
  outputs?: StepOutputs;
  /** The states of the pod's containers when it has more than main (containerSet, sidecars). */
  containers?: StepContainerState[];
}

export interface StepLogOptions {
  /** Only `main` has logs (a containerSet's and sidecars' output is in it too); other names yield nothing. */
  container?: string;
  /** Keep streaming until the step ends or the signal aborts. */
  follow?: boolean;
  sinceSeconds?: number;
  /** RFC 3339. */
  sinceTime?: string;
  /** Applied before `grep`, as Kubernetes returns the tail and Argo filters it. */
  tailLines?: number;
  /** A regular expression, as in `argo logs --grep`. */
  grep?: string;
}

export interface StepLogLine {
  /** RFC 3339 with milliseconds. */
  time: string;
  line: string;
}

export class StepNotFoundError extends Error {
  constructor(ref: StepRef) {
    super(`step "${ref.id}" of workflow ${ref.workflowUid} not found`);
  }
}

export interface StepRunner {
  /**
   * Starts the step unless it is already known (by its StepRef, including steps that ended before a
   * restart): calling it again is a no-op, so the controller can re-issue actions freely. Step failures are observations, not
   * rejections; it rejects only when the runner is closed.
   */
  start(spec: StepSpec): Promise<void>;
  observe(ref: StepRef): StepObservation | undefined;
  /** Called after every change of any step's observation; returns the unsubscribe function. */
  onChange(listener: (observation: StepObservation) => void): () => void;
  /** Terminates (SIGTERM, then SIGKILL after a grace period); the step ends Failed with `reason`. */
  stop(ref: StepRef, reason: string): Promise<void>;
  /** Timestamped lines of the step's stdout and stderr, interleaved. Throws StepNotFoundError. */
  logs(ref: StepRef, options: StepLogOptions, signal?: AbortSignal): AsyncIterable<StepLogLine>;
  /** Stops the step if needed and deletes its files, as deleting a pod does. */
  remove(ref: StepRef): Promise<void>;
  /** Terminates running steps (they end in Error) and releases everything. */
  close(): Promise<void>;
}
