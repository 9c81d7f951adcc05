import type { Container, OwnerReference, Template, UserContainer, Volume, WorkflowSpec } from '../generated/argo';
import {
  appendEnv, argoexecInMainPath, executorContainer, executorLogOptions, type ExecutorSettings, isArgoContainer, nodeEnv,
  scriptSourcePath,
} from './executor-containers';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import type { PodManifest, PodSpecManifest } from './pod-manifest';
import {
  addVolumeReferences, baseVolumes, mirrorMainMounts, PodBuildError, scriptStagingMount, scriptStagingVolume,
  templateVolumeMounts, tmpDirVolume, varRunArgoMount, withMounts,
} from './pod-volumes';
import { toPodLevelSettings, toPodMetadata, toSchedulingConstraints, toServiceAccount } from './pod-scheduling';
import { type Json, applyPodSpecPatches, podSpecMergeKeys, strategicMerge } from './strategic-merge-patch';
import { toTemplateEnvValue } from './template-env';
import { inputArtifactMounts, withInputArtifactMounts } from './input-artifact-volumes';
import { artifactSecretVolumes } from './artifact-secret-volumes';
import { podGCAnnotation, podGCAnnotationValue } from '../controller/pod-gc';

export interface BuildPodInput {
  workflow: {
    name: string;
    namespace: string;
    uid: string;
    /** The spec the workflow runs (with a workflowTemplateRef's spec merged in). */
    spec: WorkflowSpec;
    /** Volumes of the workflow's volumeClaimTemplates (status.persistentVolumeClaims). */
    persistentVolumeClaims?: Volume[];
    /** startedAt + spec.activeDeadlineSeconds, when the workflow has a deadline. */
    deadline?: Date;
  };
  nodeId: string;
  nodeName: string;
  podName: string;
  /** The template with its inputs substituted (the engine's createPod action). */
  template: Template;
  /** The template of the steps or DAG node that called this one, for its scheduling constraints. */
  boundaryTemplate?: Template;
  executor: ExecutorSettings;
  /** Whether the wait container captures main's stdout as `outputs.result`. */
  includeScriptOutput: boolean;
  /** Pods of exit handlers ignore the workflow's deadline. */
  onExitPod?: boolean;
  /** Command and args per image, for containers without a command (Argo's `images` configuration). */
  imageCommands?: Record<string, { entrypoint?: string[]; cmd?: string[] }>;
  /** The controller configuration's `mainContainer`: the template's container is merged onto it. */
  mainContainerDefaults?: Container;
  /** The controller's `podGCDeleteDelayDuration` in seconds (default 5), for the pod GC annotation. */
  podGCDelaySeconds?: number;
  now: Date;
}

/**
 * Builds the Pod Argo v4.1.2's controller creates for a container or script template with the emissary executor
 * (legacy layout): `init` (argoexec init) stages the template, script and input artifacts (with the artifact
 * stores' Secrets mounted under /argo/secret, as `wait` has them too), `main` runs the user's command under
 * `/var/run/argo/argoexec emissary`, `wait` (argoexec wait) collects outputs. Throws PodBuildError when Argo would
 * not create the pod either.
 */
export function buildPod(input: BuildPodInput): PodManifest {
  const { workflow, template, executor } = input;
  const mains = template.resource
    ? [toResourceContainer(input)]
    : toMainContainers(template).map((c) => withMainDefaults(c, input.mainContainerDefaults));
  // Input artifacts: init loads them into a shared emptyDir that main mounts (before main's other mounts are mirrored).
  const inputArtifacts = inputArtifactMounts(template);
  const mainsWithInputs = withInputArtifactMounts(mains, inputArtifacts);
  const main = mainsWithInputs.find((c) => c.name === 'main') ?? mainsWithInputs.at(-1)!;
  const podName = input.podName;

  const metadata = toPodMetadata(workflow.spec, template);
  const labels: Record<string, string> = { 'workflows.argoproj.io/workflow': workflow.name, 'workflows.argoproj.io/completed': 'false' };
  if (executor.instanceID) labels['workflows.argoproj.io/controller-instanceid'] = executor.instanceID;
  if (input.onExitPod) labels['workflows.argoproj.io/on-exit'] = 'true';
  const annotations: Record<string, string> = {
    'workflows.argoproj.io/node-name': input.nodeName,
    'workflows.argoproj.io/node-id': input.nodeId,
    // `main` when there is one, else (a containerSet) the last of the template's containers.
    'kubectl.kubernetes.io/default-container': main.name ?? 'main',
  };
  if (workflow.spec.podGC) annotations[podGCAnnotation] = podGCAnnotationValue(workflow.spec.podGC, input.podGCDelaySeconds ?? 5);

  const isScript = Boolean(template.script?.source);
  let volumes = addVolumeReferences(baseVolumes(template), templateVolumeMounts(template), [
    template.volumes ?? [], workflow.spec.volumes ?? [], workflow.persistentVolumeClaims ?? [],
  ]);
  const secrets = artifactSecretVolumes(template);
  volumes = [...volumes, ...secrets.volumes];
  if (inputArtifacts) volumes = [...volumes, ...inputArtifacts.volumes];
  if (isScript) volumes = [...volumes, scriptStagingVolume];

  const mainWithStaging = isScript ? withMounts(main, [scriptStagingMount]) : main;
  const userMains = template.containerSet ? mainsWithInputs : [mainWithStaging];
  // wait sees the volumes of the container named main, if any (addOutputArtifactsVolumes). A resource template's
  // argoexec main reports its own outputs: its pod has no wait container.
  const waitWithSecrets = withMounts(executorContainer('wait', executor, workflow), secrets.mounts);
  const wait = main.name === 'main' ? mirrorMainMounts(waitWithSecrets, mainWithStaging) : waitWithSecrets;
  const aux = template.resource ? [] : [wait];
  const init = withMounts(executorContainer('init', executor, workflow), [
    ...secrets.mounts, ...(inputArtifacts?.initMounts ?? []), ...(isScript ? [scriptStagingMount] : []),
  ]);
  const userInit = (template.initContainers ?? []).map((c) => toUserContainer(c, mainWithStaging));
  const sidecars = (template.sidecars ?? []).map((c) => toUserContainer(c, mainWithStaging));

  const env = nodeEnv({ nodeId: input.nodeId, workflowName: workflow.name, includeScriptOutput: input.includeScriptOutput, deadline: executionDeadline(input) });
  const templateEnv = { name: 'ARGO_TEMPLATE', value: toTemplateEnvValue(template.resource ? withResourceOwner(template, workflow) : template) };
  const initContainers = [init, ...userInit].map((c) =>
    appendEnv(withMounts(c, [varRunArgoMount]), [{ name: 'ARGO_CONTAINER_NAME', value: c.name }, templateEnv, ...env]));
  const containers = [...aux, ...userMains, ...sidecars].map((c) => appendEnv(c, [{ name: 'ARGO_CONTAINER_NAME', value: c.name }, ...env]));

  const activeDeadlineSeconds = toActiveDeadlineSeconds(input, mains);
  const spec: PodSpecManifest = {
    restartPolicy: 'Never',
    ...(activeDeadlineSeconds !== undefined ? { activeDeadlineSeconds } : {}),
    ...toPodLevelSettings(workflow.spec, template),
    ...toServiceAccount(workflow.spec, template),
    ...toSchedulingConstraints(workflow.spec, template, input.boundaryTemplate),
    initContainers,
    containers,
    volumes,
  };

  const pod: PodManifest = withPodName({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: podName,
      namespace: workflow.namespace,
      labels: { ...labels, ...metadata.labels },
      annotations: { ...annotations, ...metadata.annotations },
      ownerReferences: [toOwnerReference(workflow)],
    },
    spec,
  }, podName);

  const patches = [workflow.spec.podSpecPatch, template.podSpecPatch].filter((p): p is string => Boolean(p))
    .map((p) => p.replaceAll('{{pod.name}}', podName));
  let patched = spec;
  try {
    patched = applyPodSpecPatches(pod.spec, patches);
  } catch (error) {
    throw new PodBuildError(`Error applying PodSpecPatch: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { ...pod, spec: finishContainers(patched, input) };
}

/** The Workflow as the pod's controlling owner, so deleting the workflow deletes its pods. */
export function toOwnerReference(workflow: { name: string; uid: string }): OwnerReference {
  return { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', name: workflow.name, uid: workflow.uid, controller: true, blockOwnerDeletion: true };
}

function toMainContainers(template: Template): Container[] {
  if (template.container) return [{ ...template.container, name: 'main' }];
  if (template.script) {
    const { source, ...container } = template.script;
    // The init container writes the source to the staging volume; main runs the interpreter on it.
    return [{ ...container, name: 'main', ...(source ? { args: [...(container.args ?? []), scriptSourcePath] } : {}) }];
  }
  if (template.containerSet) {
    // Each container keeps its name and gets the set's shared mounts; emissary reads `dependencies` from ARGO_TEMPLATE.
    const shared = template.containerSet.volumeMounts ?? [];
    return template.containerSet.containers.map(({ dependencies: _dependencies, ...c }) => ({
      ...(c as Container), name: c.name || 'main', ...(shared.length ? { volumeMounts: [...(c.volumeMounts ?? []), ...shared] } : {}),
    }));
  }
  const kind = template.data ? 'data' : 'this kind of';
  throw new PodBuildError(`${kind} templates are not supported in kubernetes mode yet; container and script templates are`);
}

/**
 * A resource template's main container (Argo's executeResource): argoexec itself, `argoexec resource <action>`, with
 * the executor's identity and settings; argoexec reads the manifest from the template.
 */
function toResourceContainer(input: BuildPodInput): Container {
  const role = executorContainer('init', input.executor, input.workflow);
  const action = input.template.resource?.action ?? '';
  return { ...role, name: 'main', command: ['argoexec', 'resource', action, ...executorLogOptions(input.executor)] };
}

/** With `setOwnerReference`, the manifest argoexec creates names the workflow as its owner, as Argo writes it. */
function withResourceOwner(template: Template, workflow: BuildPodInput['workflow']): Template {
  const resource = template.resource;
  if (!resource?.setOwnerReference || !resource.manifest) return template;
  let object: { metadata?: { ownerReferences?: unknown[] } };
  try {
    object = parseYaml(resource.manifest) as typeof object;
  } catch (error) {
    throw new PodBuildError(`failed to unmarshal the resource manifest: ${(error as Error).message}`);
  }
  if (!object || typeof object !== 'object') return template;
  // metav1.NewControllerRef: the workflow as controlling owner.
  const metadata = { ...(object.metadata ?? {}), ownerReferences: [...(object.metadata?.ownerReferences ?? []), toOwnerReference(workflow)] };
  return { ...template, resource: { ...resource, manifest: stringifyYaml({ ...object, metadata }, { sortMapEntries: true, indentSeq: false }) } };
}

// Argo merges the template's container onto the configured defaults as a strategic merge patch.
function withMainDefaults(main: Container, defaults: Container | undefined): Container {
  if (!defaults) return main;
  return { ...(strategicMerge(defaults as unknown as Json, main as unknown as Json, podSpecMergeKeys) as unknown as Container), name: main.name };
}

// A user's init container or sidecar; mirrorVolumeMounts gives it main's mounts too.
function toUserContainer(userContainer: UserContainer, main: Container): Container {
  const { mirrorVolumeMounts, ...rest } = userContainer;
  // UserContainer only makes image optional so templates can omit it; Kubernetes then rejects the pod, as with Argo.
  const container = rest as Container;
  return mirrorVolumeMounts ? withMounts(container, main.volumeMounts ?? []) : container;
}

function executionDeadline(input: BuildPodInput): Date | undefined {
  return input.onExitPod ? undefined : input.workflow.deadline;
}

// The template's activeDeadlineSeconds, shortened to the time left before the workflow's deadline.
function toActiveDeadlineSeconds(input: BuildPodInput, mains: Container[]): number | undefined {
  const own = input.template.activeDeadlineSeconds === undefined ? undefined : Number(input.template.activeDeadlineSeconds);
  if (own !== undefined && !Number.isInteger(own)) throw new PodBuildError(`invalid activeDeadlineSeconds: ${input.template.activeDeadlineSeconds}`);
  let seconds = own;
  const deadline = executionDeadline(input);
  if (deadline) {
    const left = Math.trunc((deadline.getTime() - input.now.getTime()) / 1000);
    if (left <= 0) throw new PodBuildError('Step exceeded its deadline');
    if (own === undefined || left < own) seconds = left;
  }
  // A template paused for debugging must not be killed by a deadline.
  if (mains.some((main) => main.env?.some((e) => e.name === 'ARGO_DEBUG_PAUSE_BEFORE' || e.name === 'ARGO_DEBUG_PAUSE_AFTER'))) return undefined;
  return seconds;
}

// `{{pod.name}}` is the one variable only known here (substitutePodParams).
function withPodName(pod: PodManifest, podName: string): PodManifest {
  return JSON.parse(JSON.stringify(pod).replaceAll('{{pod.name}}', podName)) as PodManifest;
}

// After the patch: user containers run under emissary, argoexec containers get their /tmp, all get /var/run/argo.
function finishContainers(spec: PodSpecManifest, input: BuildPodInput): PodSpecManifest {
  const grace = spec['terminationGracePeriodSeconds'];
  const containers = spec.containers.map((c, index) => {
    let container = c;
    if (!isArgoContainer(c.name)) container = { ...c, command: toEmissaryCommand(c, input), ...(c.command?.length ? {} : toImageArgs(c, input)) };
    const mounts = container.image === input.executor.image ? [{ name: tmpDirVolume.name, mountPath: '/tmp', subPath: String(index) }] : [];
    container = withMounts(container, [...mounts, varRunArgoMount]);
    if (grace !== undefined) container = appendEnv(container, [{ name: 'ARGO_TERMINATION_GRACE_PERIOD_SECONDS', value: String(grace) }]);
    return container;
  });
  return { ...spec, containers };
}

function toEmissaryCommand(container: Container, input: BuildPodInput): string[] {
  const command = container.command?.length ? container.command : lookUpImage(container.image, input).entrypoint ?? [];
  return [argoexecInMainPath, 'emissary', ...executorLogOptions(input.executor), '--', ...command];
}

function toImageArgs(container: Container, input: BuildPodInput): Partial<Container> {
  // nil args take the image's CMD; empty args stay empty, as in Argo.
  if (container.args !== undefined) return {};
  const cmd = lookUpImage(container.image, input).cmd;
  return cmd ? { args: cmd } : {};
}

function lookUpImage(image: string, input: BuildPodInput): { entrypoint?: string[]; cmd?: string[] } {
  const known = input.imageCommands?.[image];
  if (known) return known;
  throw new PodBuildError(
    `failed to look-up entrypoint/cmd for image "${image}", you must either explicitly specify the command, or list the image's command in the index: ` +
      'https://argo-workflows.readthedocs.io/en/latest/workflow-executors/#emissary-emissary',
  );
}
