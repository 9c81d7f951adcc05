import { toKubeTime } from '@/lib/k8s/object';
import type { Container, EnvVar } from '../generated/argo';

/** How the argoexec containers (init, wait) are configured, as the controller's executor settings. */
export interface ExecutorSettings {
  /** The argoexec image, e.g. `quay.io/argoproj/argoexec:v4.1.2`. */
  image: string;
  /** Empty leaves Kubernetes' default (IfNotPresent for a tagged image), as Argo does. */
  imagePullPolicy?: string;
  /** `--loglevel` of argoexec; Argo passes the controller's own level. */
  logLevel?: string;
  /** `--log-format`: `text` or `json`. */
  logFormat?: string;
  /** `--gloglevel`, the Kubernetes client's verbosity. */
  glogLevel?: string;
  /** The controller configuration's `executor` container: its resources, security context and args. */
  container?: Pick<Container, 'resources' | 'securityContext' | 'args'>;
  /** The controller's instance ID: pods carry it as a label and ARGO_INSTANCE_ID. */
  instanceID?: string;
}

export const varRunArgoPath = '/var/run/argo';
export const argoexecInMainPath = `${varRunArgoPath}/argoexec`;
export const scriptStagingPath = '/argo/staging';
export const scriptSourcePath = `${scriptStagingPath}/script`;
/** Where the wait container sees main's volumes (Argo's ExecutorMainFilesystemDir). */
export const mainFilesystemPath = '/mainctrfs';

/** Containers that belong to Argo, not to the user (common.IsArgoSidecar for the legacy layout). */
export function isArgoContainer(name: string | undefined): boolean {
  return name === 'wait' || name === 'init';
}

/** argoexec's logging flags, appended to every argoexec command. */
export function executorLogOptions(settings: ExecutorSettings): string[] {
  return ['--loglevel', settings.logLevel ?? 'info', '--log-format', settings.logFormat ?? 'text', '--gloglevel', settings.glogLevel ?? '0'];
}

const fieldRef = (name: string, fieldPath: string): EnvVar => ({ name, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath } } });

/** The environment every argoexec container starts with (createEnvVars): the pod's identity and the workflow's. */
export function executorIdentityEnv(workflow: { name: string; uid: string }, instanceId?: string): EnvVar[] {
  return [
    fieldRef('ARGO_POD_NAME', 'metadata.name'),
    fieldRef('ARGO_POD_UID', 'metadata.uid'),
    { name: 'ARGO_WORKFLOW_NAME', value: workflow.name },
    { name: 'ARGO_WORKFLOW_UID', value: workflow.uid },
    ...(instanceId ? [{ name: 'ARGO_INSTANCE_ID', value: instanceId }] : []),
  ];
}

/** An argoexec container (newExecContainer) running `argoexec <role>`. */
export function executorContainer(role: 'init' | 'wait', settings: ExecutorSettings, workflow: { name: string; uid: string }): Container {
  return {
    name: role,
    image: settings.image,
    ...(settings.imagePullPolicy ? { imagePullPolicy: settings.imagePullPolicy } : {}),
    command: ['argoexec', role, ...executorLogOptions(settings)],
    env: executorIdentityEnv(workflow, settings.instanceID),
    ...(settings.container?.resources ? { resources: settings.container.resources } : {}),
    ...(settings.container?.securityContext ? { securityContext: settings.container.securityContext } : {}),
    ...(settings.container?.args?.length ? { args: settings.container.args } : {}),
  };
}

/** Go's time.RFC3339 of a deadline; the zero time when there is none, as Argo writes it. */
export function formatDeadline(deadline: Date | undefined): string {
  if (!deadline) return '0001-01-01T00:00:00Z';
  return toKubeTime(deadline);
}

/** The variables Argo gives every container after its name: node, script output, deadline, progress. */
export function nodeEnv(input: { nodeId: string; workflowName: string; includeScriptOutput: boolean; deadline?: Date }): EnvVar[] {
  return [
    { name: 'ARGO_NODE_ID', value: input.nodeId },
    { name: 'ARGO_INCLUDE_SCRIPT_OUTPUT', value: String(input.includeScriptOutput) },
    { name: 'ARGO_DEADLINE', value: formatDeadline(input.deadline) },
    // Argo v4 adds the workflow's name here for main; argoexec containers already carry it from their identity.
    { name: 'ARGO_WORKFLOW_NAME', value: input.workflowName },
    { name: 'ARGO_PROGRESS_FILE', value: `${varRunArgoPath}/progress` },
    { name: 'ARGO_PROGRESS_PATCH_TICK_DURATION', value: '1m0s' },
    { name: 'ARGO_PROGRESS_FILE_TICK_DURATION', value: '3s' },
  ];
}

/** Appends variables, skipping names the container already defines (Kubernetes would warn that one hides the other). */
export function appendEnv(container: Container, env: EnvVar[]): Container {
  const existing = new Set((container.env ?? []).map((e) => e.name));
  return { ...container, env: [...(container.env ?? []), ...env.filter((e) => !existing.has(e.name))] };
}
