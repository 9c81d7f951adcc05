import { parse } from 'yaml';
import type { ArtifactRepository, Container, Workflow } from '../generated/argo';
import { parseGoDuration } from '../expr/go-time';
import type { ExecutorSettings } from '../pods/executor-containers';

/**
 * The settings of Argo's `workflow-controller-configmap` that Capstan acts on (Argo's `config.Config`). Values are
 * Argo's defaults when the ConfigMap leaves them out.
 */
export interface ControllerConfig {
  /** Workflows running at once across all namespaces; 0 is unlimited. */
  parallelism: number;
  /** Workflows running at once in one namespace; 0 is unlimited. */
  namespaceParallelism: number;
  /** Merged under every workflow (the workflow's own fields win), as Argo's `setWorkflowDefaults`. */
  workflowDefaults?: Workflow;
  /** The default artifact repository for workflows that do not name one. */
  artifactRepository?: ArtifactRepository;
  /** `persistence` as written; `server/archive/persistence-config.ts` reads it. */
  persistence?: unknown;
  /** Grace period of pods deleted by pod GC; undefined leaves Kubernetes' default (30 s). */
  podGCGracePeriodSeconds?: number;
  /** How long pod GC waits before deleting a pod (Argo's default 5 s). */
  podGCDeleteDelaySeconds: number;
  /** Customisations of the init and wait containers: image, pull policy, resources, env, args, security context. */
  executor?: Container;
  /** Defaults for every main container (resources, security context, ...). */
  mainContainer?: Container;
  /** When set, only workflows labelled `workflows.argoproj.io/controller-instanceid=<id>` are this controller's. */
  instanceID: string;
  /** Command and args of images used without a command (Argo's `images`). */
  images: Record<string, { entrypoint?: string[]; cmd?: string[] }>;
  /** Argo's `nodeEvents`: `WorkflowNode<Phase>` Events (on by default), about the node's pod when `sendAsPod`. */
  nodeEvents: { enabled: boolean; sendAsPod: boolean };
  /** Argo's `workflowEvents`: `WorkflowRunning`/`WorkflowSucceeded`/`WorkflowFailed` Events (on by default). */
  workflowEvents: { enabled: boolean };
  /** Everything as written, for settings Capstan does not act on yet. */
  raw: Record<string, unknown>;
}

/** The ConfigMap Argo's controller reads unless told otherwise. */
export const defaultConfigMapName = 'workflow-controller-configmap';

/** The top-level keys of Argo v4.1.2's `config.Config`; any other key is refused, as Argo's strict unmarshal does. */
const knownKeys = new Set([
  'nodeEvents', 'workflowEvents', 'executor', 'mainContainer', 'kubeConfig', 'artifactRepository', 'namespace', 'instanceID',
  'metricsConfig', 'telemetryConfig', 'parallelism', 'namespaceParallelism', 'resourceRateLimit', 'persistence', 'links',
  'columns', 'workflowDefaults', 'podSpecLogStrategy', 'podGCGracePeriodSeconds', 'podGCDeleteDelayDuration',
  'workflowRestrictions', 'initialDelay', 'images', 'retentionPolicy', 'navColor', 'sso', 'synchronization',
  'artifactDrivers', 'failedPodRestart', 'disableAgentPodCreation', 'initlessPod',
]);

export class ControllerConfigError extends Error {}

/** The configuration with nothing set: what a missing ConfigMap means. */
export function emptyControllerConfig(): ControllerConfig {
  return {
    parallelism: 0, namespaceParallelism: 0, podGCDeleteDelaySeconds: 5, instanceID: '', images: {},
    nodeEvents: { enabled: true, sendAsPod: false }, workflowEvents: { enabled: true }, raw: {},
  };
}

/**
 * Reads a ConfigMap's data as Argo's `parseConfigMap`: either one `config` key holding the whole YAML (then no other
 * key is allowed), or one key per setting, each value YAML. Throws a ControllerConfigError naming the bad setting.
 */
export function parseControllerConfig(data: Record<string, string> | undefined): ControllerConfig {
  const raw = readRaw(data ?? {});
  for (const key of Object.keys(raw)) {
    if (!knownKeys.has(key)) throw new ControllerConfigError(`unknown setting "${key}"`);
  }
  const config = emptyControllerConfig();
  config.raw = raw;
  config.parallelism = integer(raw, 'parallelism') ?? 0;
  config.namespaceParallelism = integer(raw, 'namespaceParallelism') ?? 0;
  config.workflowDefaults = object(raw, 'workflowDefaults') as Workflow | undefined;
  config.artifactRepository = object(raw, 'artifactRepository') as ArtifactRepository | undefined;
  config.persistence = raw['persistence'] ?? undefined;
  config.podGCGracePeriodSeconds = integer(raw, 'podGCGracePeriodSeconds');
  const delay = raw['podGCDeleteDelayDuration'];
  if (delay !== undefined && delay !== null) config.podGCDeleteDelaySeconds = duration(delay, 'podGCDeleteDelayDuration');
  config.executor = object(raw, 'executor') as Container | undefined;
  config.mainContainer = object(raw, 'mainContainer') as Container | undefined;
  const instanceID = raw['instanceID'];
  if (instanceID !== undefined && instanceID !== null && typeof instanceID !== 'string') {
    throw new ControllerConfigError('instanceID: expected a string');
  }
  config.instanceID = instanceID ?? '';
  config.images = (object(raw, 'images') ?? {}) as ControllerConfig['images'];
  const nodeEvents = object(raw, 'nodeEvents') ?? {};
  config.nodeEvents = { enabled: boolean(nodeEvents, 'nodeEvents.enabled') ?? true, sendAsPod: boolean(nodeEvents, 'nodeEvents.sendAsPod') ?? false };
  config.workflowEvents = { enabled: boolean(object(raw, 'workflowEvents') ?? {}, 'workflowEvents.enabled') ?? true };
  return config;
}

function readRaw(data: Record<string, string>): Record<string, unknown> {
  if ('config' in data) {
    if (Object.keys(data).length !== 1) {
      throw new ControllerConfigError("if you have an item in your config map named 'config', you must only have one item");
    }
    const parsed = yaml(data['config'] ?? '', 'config');
    if (parsed === null || parsed === undefined) return {};
    if (typeof parsed !== 'object' || Array.isArray(parsed)) throw new ControllerConfigError('config: expected a mapping of settings');
    return parsed as Record<string, unknown>;
  }
  return Object.fromEntries(Object.entries(data).map(([key, text]) => [key, yaml(text, key)]));
}

function yaml(text: string, where: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    throw new ControllerConfigError(`${where}: not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

function integer(raw: Record<string, unknown>, key: string): number | undefined {
  const value = raw[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new ControllerConfigError(`${key}: expected an integer, got ${JSON.stringify(value)}`);
  if (value < 0) throw new ControllerConfigError(`${key}: must not be negative`);
  return value;
}

/** A boolean at `path`'s last segment of `raw` (the mapping that holds it). */
function boolean(raw: Record<string, unknown>, path: string): boolean | undefined {
  const value = raw[path.split('.').pop() ?? path];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new ControllerConfigError(`${path}: expected true or false, got ${JSON.stringify(value)}`);
  return value;
}

function object(raw: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = raw[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new ControllerConfigError(`${key}: expected a mapping`);
  return value as Record<string, unknown>;
}

function duration(value: unknown, key: string): number {
  if (typeof value !== 'string') throw new ControllerConfigError(`${key}: expected a duration such as "30s"`);
  let seconds: number;
  try {
    seconds = Number(parseGoDuration(value).nanos) / 1e9;
  } catch {
    throw new ControllerConfigError(`${key}: invalid duration "${value}"`);
  }
  if (seconds < 0) throw new ControllerConfigError(`${key}: must not be negative`);
  return seconds;
}

/** The argoexec image of the test bed's oracle (Argo v3.7.9); Argo v4.1.2's own would be `:v4.1.2`. */
export const defaultExecutorImage = 'quay.io/argoproj/argoexec:v3.7.9';

/**
 * The init and wait containers' settings: the `--executor-image` flag wins over `executor.image` (as Argo's
 * `--executor-image` over its ConfigMap), then the default; pull policy, resources, security context and args from
 * `executor`.
 */
export function executorSettingsOf(config: ControllerConfig, flagImage?: string): ExecutorSettings {
  const executor = config.executor;
  return {
    image: flagImage || executor?.image || defaultExecutorImage,
    ...(executor?.imagePullPolicy ? { imagePullPolicy: executor.imagePullPolicy } : {}),
    ...(executor?.resources || executor?.securityContext || executor?.args
      ? { container: { resources: executor.resources, securityContext: executor.securityContext, args: executor.args } }
      : {}),
    ...(config.instanceID ? { instanceID: config.instanceID } : {}),
  };
}
