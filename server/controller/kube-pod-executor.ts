import { PassThrough } from 'node:stream';
import {
  CoreV1Api, CustomObjectsApi, type KubeConfig, type KubernetesListObject, type KubernetesObject, Log, PatchStrategy,
  type V1Pod,
} from '@kubernetes/client-node';
import { isApiError } from '@/lib/api-error';
import { toKubeTime } from '@/lib/k8s/object';
import type { PodObservation } from '@/lib/engine/types';
import type { Workflow } from '@/lib/generated/argo';
import { buildPod } from '@/lib/pods/build-pod';
import type { ExecutorSettings } from '@/lib/pods/executor-containers';
import { type ControllerConfig, defaultExecutorImage, executorSettingsOf } from '@/lib/controller/controller-config';
import { toPodObservation } from '@/lib/pods/observe-pod';
import { isCompletedLabelOnly } from '@/lib/pods/completed-label';
import { workflowLabels } from '@/lib/workflows/workflow-labels';
import { isPodStarting, podCreationRoom, StartingPods } from '@/lib/controller/starting-pods';
import { DeferredLabels } from '@/lib/controller/deferred-labels';
import type { ObservedPod, ObservedTaskResult } from '@/lib/pods/observed-pod';
import { toBuildPodInput } from '@/lib/pods/pod-context';
import { PodBuildError } from '@/lib/pods/pod-volumes';
import type { ApiReachability } from '../cluster/api-reachability';
import { fromKubeError } from '../cluster/kube-errors';
import { sendKubeWrite } from '../cluster/kube-write';
import { retryThrottled } from '../cluster/retry-throttled';
import type { Logger } from '../logger';
import { NodeInformer } from './kube/node-informer';
import { TaskLimiter } from './task-limiter';
import type { PodExecutor, PodLogLine, PodLogOptions, PodRequest, WorkflowRef } from './pod-executor';

export interface KubePodExecutorOptions {
  /** Only this namespace's pods, or every namespace when empty. */
  namespace?: string;
  executor?: Partial<ExecutorSettings>;
  /** Command and args of images used without a command (Argo's `images` configuration). */
  imageCommands?: Record<string, { entrypoint?: string[]; cmd?: string[] }>;
  /**
   * The controller configuration, read at each pod built so a changed ConfigMap applies to the next pod: executor
   * settings, `images` and `mainContainer`. Overrides `executor` and `imageCommands` when given.
   */
  config?: () => ControllerConfig;
  /** The `--executor-image` flag, which wins over the configuration's `executor.image`. */
  executorImage?: string;
  logger?: Logger;
  /** The process's view of the API server, so a watch outage is logged once and retried with backoff. */
  reachability?: ApiReachability;
  /** At most this many of a workflow's pods created and not started yet (`--pod-start-window`); 0: no limit. */
  startWindow?: number;
  /**
   * Whether user-visible writes (the Event recorder's) are still waiting: completed labels wait for them too, so after
   * a burst of completions the Events a user reads land first and the labels, which only tools read, after them.
   */
  writesWaiting?: () => boolean;
}

type TaskResult = KubernetesObject & ObservedTaskResult;
const group = 'argoproj.io';
const version = 'v1alpha1';
const fulfilled = new Set(['Succeeded', 'Failed', 'Error']);

const nodeIdOfPod = (pod: V1Pod) => pod.metadata?.annotations?.['workflows.argoproj.io/node-id'];
const workflowUidOf = (object: KubernetesObject) => object.metadata?.ownerReferences?.find((o) => o.kind === 'Workflow')?.uid;
// A creation sent this long ago whose pod the informer has still not shown is sent again (AlreadyExists if it exists).
const unseenCreationMs = 30_000;
// The longest a completed pod waits for its label while the controller has pods starting or running (DeferredLabels).
const completedLabelMaxDelayMs = 60_000;

/**
 * Runs a workflow's pods on Kubernetes (kubernetes mode): pods built as Argo's controller builds them, so Argo's own
 * argoexec image runs them unchanged, observed through informers on pods and WorkflowTaskResults.
 */
export class KubePodExecutor implements PodExecutor {
  private readonly core: CoreV1Api;
  private readonly custom: CustomObjectsApi;
  private readonly pods: NodeInformer<V1Pod>;
  private readonly results: NodeInformer<TaskResult>;
  private readonly listeners = new Set<(uid: string) => void>();
  // Nodes whose pod could not be built, or whose pod vanished before it finished: what to report instead.
  private readonly settled = new Map<string, PodObservation>();
  private readonly labelled = new Set<string>();
  // Pods of an earlier run of their node (a retry removed the node), by pod uid, while they are deleted so the node
  // can get a new one: never observed for the node, and their deletion is not its pod being deleted.
  private readonly leftovers = new Set<string>();
  // Completed pods are labelled in the background by a few workers (Argo's pod cleanup queue has 4): a wide DAG's
  // hundreds of pods finishing together must not become hundreds of PATCHes at once beside the status save.
  private readonly labeller = new TaskLimiter(4);
  // Completed pods wait for their label until no pod of ours is starting or running (or a minute has passed).
  private readonly deferredLabels = new DeferredLabels<{ name: string; namespace: string; uid: string }>(completedLabelMaxDelayMs);
  // Our pods not finished yet (Pending or Running), by pod uid: while there are any, labels wait.
  private readonly unfinishedPods = new Set<string>();
  private labelTimer: NodeJS.Timeout | undefined;
  // Pods created and not started yet, per workflow: the window that paces pod creation (podCreationRoom).
  private readonly starting = new StartingPods();
  // Creations sent whose pod the informer has not shown yet, by `uid/nodeId`, with when they were sent: the engine
  // asks again for a Pending node without an observed pod, and that must not become a second POST.
  private readonly unseen = new Map<string, number>();

  private readonly logReader: Log;

  constructor(private readonly kubeConfig: KubeConfig, private readonly options: KubePodExecutorOptions = {}) {
    this.logReader = new Log(kubeConfig);
    this.core = kubeConfig.makeApiClient(CoreV1Api);
    this.custom = kubeConfig.makeApiClient(CustomObjectsApi);
    const ns = options.namespace ?? '';
    const selector = 'workflows.argoproj.io/workflow';
    this.pods = new NodeInformer<V1Pod>(
      kubeConfig,
      ns ? `/api/v1/namespaces/${ns}/pods` : '/api/v1/pods',
      () => (ns ? this.core.listNamespacedPod({ namespace: ns, labelSelector: selector }) : this.core.listPodForAllNamespaces({ labelSelector: selector })),
      nodeIdOfPod,
      (pod, type, previous) => this.onPodEvent(pod, type, previous),
      options.logger,
      options.reachability,
    );
    this.results = new NodeInformer<TaskResult>(
      kubeConfig,
      ns ? `/apis/${group}/${version}/namespaces/${ns}/workflowtaskresults` : `/apis/${group}/${version}/workflowtaskresults`,
      () => (ns
        ? this.custom.listNamespacedCustomObject({ group, version, plural: 'workflowtaskresults', namespace: ns, labelSelector: selector })
        : this.custom.listClusterCustomObject({ group, version, plural: 'workflowtaskresults', labelSelector: selector })) as Promise<KubernetesListObject<TaskResult>>,
      (result) => result.metadata?.name,
      (result) => this.notifyOwner(result),
      options.logger,
      options.reachability,
    );
  }

  /** Lists existing pods and task results, then watches; call before the controller starts reconciling. */
  async start(): Promise<void> {
    await Promise.all([this.pods.start(), this.results.start()]);
    this.labelTimer = setInterval(() => this.sendDueLabels(), 1000);
    this.labelTimer.unref();
  }

  private onPodEvent(pod: V1Pod, type: 'add' | 'update' | 'delete', previous?: V1Pod): void {
    const nodeId = nodeIdOfPod(pod);
    const uid = workflowUidOf(pod);
    const podUid = pod.metadata?.uid;
    if (type === 'delete' && podUid && this.leftovers.delete(podUid)) {
      // A leftover deleted on purpose: its node waits for the new pod.
    } else if (type === 'delete' && nodeId && uid) {
      // Deleted before it finished: the node errors, as Argo's "pod deleted" (kept from the last state otherwise).
      const last = toPodObservation(pod as ObservedPod);
      const key = `${uid}/${nodeId}`;
      this.settled.set(key, fulfilled.has(last.phase) ? last : { ...last, phase: 'Error', message: 'pod deleted' });
    }
    if (podUid && type !== 'delete' && !fulfilled.has(pod.status?.phase ?? '')) this.unfinishedPods.add(podUid);
    else if (podUid) this.unfinishedPods.delete(podUid);
    if (type === 'delete' && podUid) {
      this.labelled.delete(podUid);
      this.deferredLabels.forget(podUid);
    }
    if (nodeId && uid) {
      this.unseen.delete(`${uid}/${nodeId}`);
      this.starting.set(uid, nodeId, type !== 'delete' && isPodStarting(pod as ObservedPod));
    }
    // Our own completed label changes nothing the workflow's reconcile reads.
    if (type === 'update' && previous && isCompletedLabelOnly(previous, pod)) return;
    this.notifyOwner(pod);
  }

  private notifyOwner(object: KubernetesObject): void {
    const uid = workflowUidOf(object);
    if (uid) for (const listener of this.listeners) listener(uid);
  }

  async createPod(workflow: WorkflowRef, pod: PodRequest): Promise<void> {
    const wf = pod.workflow ?? await this.call(() => this.custom.getNamespacedCustomObject({ group, version, plural: 'workflows', namespace: workflow.namespace, name: workflow.name })) as Workflow;
    const key = `${workflow.uid}/${pod.nodeId}`;
    if (pod.newNode) {
      // What was noted for an earlier run of the node (a deleted pod's last state, a creation sent) is not this run's.
      this.settled.delete(key);
      this.unseen.delete(key);
    }
    const existing = this.pods.get(workflow.namespace, pod.nodeId);
    if (existing && workflowUidOf(existing) === workflow.uid) {
      // A pod of a node just made, or older than its node, is an earlier run's (a retry removed the node): delete it,
      // and create the new one once it is gone (its delete event requeues the workflow), as argo-server deletes them
      // on retry. Creation times have second precision, so only the first tells a retry in the same second. One
      // already known as a leftover is deleted again while the node waits: a delete that failed is sent again.
      const leftover = this.isLeftover(existing) || pod.newNode || isStale(existing, wf.status?.nodes?.[pod.nodeId]?.startedAt);
      if (!leftover) return;
      if (existing.metadata?.uid) this.leftovers.add(existing.metadata.uid);
      await this.deletePod(workflow, pod.nodeId, 'left over from before a retry');
      return;
    }
    let manifest;
    try {
      const config = this.options.config?.();
      const executor = config ? executorSettingsOf(config, this.options.executorImage) : { image: defaultExecutorImage, ...this.options.executor };
      manifest = buildPod({
        ...toBuildPodInput(wf, pod, executor, new Date()),
        imageCommands: config ? { ...this.options.imageCommands, ...config.images } : this.options.imageCommands,
        ...(config?.mainContainer ? { mainContainerDefaults: config.mainContainer } : {}),
        ...(config ? { podGCDelaySeconds: config.podGCDeleteDelaySeconds } : {}),
      });
    } catch (error) {
      if (!(error instanceof PodBuildError)) throw error;
      const now = toKubeTime(new Date());
      this.settled.set(`${workflow.uid}/${pod.nodeId}`, { phase: 'Error', message: error.message, startedAt: now, finishedAt: now });
      for (const listener of this.listeners) listener(workflow.uid);
      return;
    }
    const sentAt = this.unseen.get(key);
    if (sentAt !== undefined && Date.now() - sentAt < unseenCreationMs) return;
    // Counted as starting from now, in the same tick as the room was checked, so creations in flight count too.
    this.unseen.set(key, Date.now());
    this.starting.set(workflow.uid, pod.nodeId, true);
    try {
      // Sent as built, its answer unread (sendKubeWrite): the informer brings the pod.
      await this.call(() => sendKubeWrite(this.kubeConfig, 'POST', `/api/v1/namespaces/${encodeURIComponent(workflow.namespace)}/pods`, manifest));
    } catch (error) {
      // Created by an earlier attempt whose status update or watch event has not arrived yet.
      if (isApiError(error) && error.code === 6) {
        const seen = this.pods.get(workflow.namespace, pod.nodeId);
        if (seen) this.starting.set(workflow.uid, pod.nodeId, isPodStarting(seen as ObservedPod));
        return;
      }
      this.unseen.delete(key);
      this.starting.set(workflow.uid, pod.nodeId, false);
      throw error;
    }
  }

  private isLeftover(pod: V1Pod): boolean {
    return !!pod.metadata?.uid && this.leftovers.has(pod.metadata.uid);
  }

  podCreationRoom(workflow: WorkflowRef): number {
    return podCreationRoom(this.options.startWindow ?? 0, this.starting.count(workflow.uid));
  }

  async deletePod(workflow: WorkflowRef, nodeId: string, reason: string, options: { gracePeriodSeconds?: number } = {}): Promise<void> {
    const pod = this.pods.get(workflow.namespace, nodeId);
    const name = pod?.metadata?.name;
    if (!name || workflowUidOf(pod) !== workflow.uid) return;
    this.options.logger?.info({ workflow: `${workflow.namespace}/${workflow.name}`, pod: name, reason }, 'deleting pod');
    try {
      await this.call(() => this.core.deleteNamespacedPod({ name, namespace: workflow.namespace, gracePeriodSeconds: options.gracePeriodSeconds }));
    } catch (error) {
      if (!(isApiError(error) && error.code === 5)) throw error;
    }
  }

  podReference(workflow: WorkflowRef, nodeId: string): { name: string; uid?: string; resourceVersion?: string } | undefined {
    const pod = this.pods.get(workflow.namespace, nodeId);
    const name = pod?.metadata?.name;
    if (!name || workflowUidOf(pod) !== workflow.uid) return undefined;
    return { name, ...(pod.metadata?.uid ? { uid: pod.metadata.uid } : {}), ...(pod.metadata?.resourceVersion ? { resourceVersion: pod.metadata.resourceVersion } : {}) };
  }

  podLabels(workflow: WorkflowRef, nodeId: string): Record<string, string> | undefined {
    const pod = this.pods.get(workflow.namespace, nodeId);
    return pod && workflowUidOf(pod) === workflow.uid ? pod.metadata?.labels ?? {} : undefined;
  }

  observe(workflow: WorkflowRef, nodeIds: string[], nodeStartedAt: Record<string, string | undefined> = {}): Record<string, PodObservation> {
    const observations: Record<string, PodObservation> = {};
    for (const id of nodeIds) {
      const settled = this.settled.get(`${workflow.uid}/${id}`);
      const pod = this.pods.get(workflow.namespace, id);
      if (pod && workflowUidOf(pod) === workflow.uid && (this.isLeftover(pod) || isStale(pod, nodeStartedAt[id]))) continue;
      if (pod && workflowUidOf(pod) === workflow.uid) {
        // A task result left by an earlier workflow of the same name does not count.
        const result = this.results.get(workflow.namespace, id);
        const ownResult = result && (workflowUidOf(result) ?? workflow.uid) === workflow.uid ? result : undefined;
        observations[id] = toPodObservation(pod as ObservedPod, ownResult);
        if (fulfilled.has(observations[id].phase)) this.labelCompleted(pod);
      } else if (settled) observations[id] = settled;
    }
    return observations;
  }

  // Argo relabels finished pods `completed=true`, so tools (and its own informer) can skip them. Deferred while our
  // pods run, and while Events wait (DeferredLabels): the label is housekeeping, the pods and what users read come first.
  private labelCompleted(pod: V1Pod): void {
    const { name, namespace, uid, labels } = pod.metadata ?? {};
    if (!name || !namespace || !uid || labels?.[workflowLabels.completed] === 'true' || this.labelled.has(uid)) return;
    this.labelled.add(uid);
    this.deferredLabels.add(uid, { name, namespace, uid }, Date.now());
  }

  private sendDueLabels(): void {
    if (!this.deferredLabels.size) return;
    for (const { name, namespace, uid } of this.deferredLabels.takeDue(Date.now(), this.unfinishedPods.size === 0 && !this.options.writesWaiting?.())) {
      const body = { metadata: { labels: { [workflowLabels.completed]: 'true' } } };
      const path = `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`;
      this.labeller.run(() => this.call(() => sendKubeWrite(this.kubeConfig, 'PATCH', path, body, PatchStrategy.MergePatch))
        .then(() => {}, (error: unknown) => {
          this.labelled.delete(uid);
          this.options.logger?.debug({ err: error, pod: name }, 'could not label pod completed');
        }));
    }
  }

  /** A container's log through the API server, with Kubernetes' timestamps split off each line. */
  async *logs(workflow: WorkflowRef, pod: { podName: string }, options: PodLogOptions, signal: AbortSignal): AsyncIterable<PodLogLine> {
    const stream = new PassThrough();
    let request: AbortController | undefined;
    signal.addEventListener('abort', () => {
      request?.abort();
      stream.end();
    }, { once: true });
    try {
      request = await this.logReader.log(workflow.namespace, pod.podName, options.container ?? 'main', stream, (error: unknown) => {
        if (error) stream.destroy(error instanceof Error ? error : new Error(String(error)));
        else stream.end();
      }, { follow: options.follow, sinceSeconds: options.sinceSeconds, tailLines: options.tailLines, timestamps: true });
    } catch (error) {
      throw fromKubeError(error);
    }
    let rest = '';
    for await (const chunk of stream) {
      const lines = (rest + String(chunk)).split('\n');
      rest = lines.pop() ?? '';
      for (const raw of lines) yield splitTimestamp(raw);
    }
    if (rest) yield splitTimestamp(rest);
  }

  onChange(listener: (workflowUid: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async cleanUp(workflow: WorkflowRef, nodeIds: string[]): Promise<void> {
    for (const id of nodeIds) {
      this.settled.delete(`${workflow.uid}/${id}`);
      this.unseen.delete(`${workflow.uid}/${id}`);
    }
    this.starting.forget(workflow.uid);
    try {
      await this.call(() => this.custom.deleteCollectionNamespacedCustomObject({
        group, version, plural: 'workflowtaskresults', namespace: workflow.namespace,
        labelSelector: `workflows.argoproj.io/workflow=${workflow.name}`,
      }));
    } catch (error) {
      if (!(isApiError(error) && error.code === 5)) throw error;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.labelTimer);
    await Promise.all([this.pods.stop(), this.results.stop()]);
  }

  private async call<R>(request: () => Promise<R>): Promise<R> {
    try {
      return await retryThrottled(request);
    } catch (error) {
      throw fromKubeError(error);
    }
  }
}

/**
 * Whether a pod was created before the node it answers for started: the previous attempt's pod, left behind by a
 * retry. Both times have second precision, and a node's pod is always created after the node, in the same second or
 * later.
 */
function isStale(pod: V1Pod, nodeStartedAt: string | undefined): boolean {
  const created = pod.metadata?.creationTimestamp;
  if (!created || !nodeStartedAt) return false;
  return new Date(created).getTime() < Date.parse(nodeStartedAt);
}

/** Kubernetes prefixes each line with an RFC 3339 timestamp and a space when asked for timestamps. */
function splitTimestamp(raw: string): PodLogLine {
  const space = raw.indexOf(' ');
  if (space > 0 && /^\d{4}-\d\d-\d\dT/.test(raw)) return { time: raw.slice(0, space), line: raw.slice(space + 1) };
  return { time: '', line: raw };
}
