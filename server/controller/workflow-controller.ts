import { isCompleted } from '@/lib/engine/phases';
import { reconcileWorkflow } from '@/lib/engine/reconcile';
import { isApiError } from '@/lib/api-error';
import { isNewer } from '@/lib/watch/apply-watch-event';
import type { Workflow, WorkflowSpec } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { type ApiReachability, isUnreachable } from '../cluster/api-reachability';
import type { ClusterPort } from '../cluster/cluster-port';
import type { Logger } from '../logger';
import type { PodExecutor, WorkflowRef } from './pod-executor';
import { LockTable } from '@/lib/sync/lock-table';
import { loadSemaphoreLimits, restoreLockHolders, specsOfWorkflow } from './semaphore-limits';
import { memoCacheNamesIn } from '@/lib/engine/memoization';
import type { MetricEmission } from '@/lib/engine/metrics';
import type { ControllerMetrics } from '../controller-metrics';
import type { MemoCaches } from './memo-caches';
import { withArtifactRepositoryRef } from '../artifacts/repository-ref';
import type { ArtifactRepositories } from '../artifacts/repositories';
import type { ArtifactCollector } from '../artifacts/artifact-collector';
import { artifactGCFinalizer, needsDeletionFinalizer } from '@/lib/artifacts/artifact-gc';
import { type ControllerConfig, emptyControllerConfig } from '@/lib/controller/controller-config';
import { belongsToInstance } from '@/lib/controller/instance-id';
import { WorkflowThrottler } from '@/lib/controller/workflow-throttler';
import { podGCDelaySeconds, podsToCollect } from '@/lib/controller/pod-gc';
import { execSpecOf } from '@/lib/workflows/exec-spec';
import { applyWorkflowDefaults, defaultMetadataOf, templateSpecWithDefaults } from '@/lib/workflows/workflow-defaults';
import { loadReferencedTemplates } from './template-resolver';
import { runLimited } from './run-limited';
import { createPodsPaced } from './pod-creation-pass';
import { creationSliceMs, savePaceMs } from '@/lib/controller/save-pace';
import { WorkQueue } from './work-queue';
import { nodeEventAnnotations, workflowLabels } from '@/lib/workflows/workflow-labels';
import { toWorkflowEventReports } from '@/lib/controller/workflow-event-reports';
import type { EventRecorder } from './event-recorder';

// Pod creations and deletions one reconcile sends to the cluster at once. How many pods may wait to be started is
// the executor's window (podCreationRoom), so this only bounds the API calls in flight: on the test bed 32 created a
// 2,000-task DAG's pods as fast as kwok started them (the window full), 16 a little slower (docs/benchmarks.md).
const podCreationsInFlight = 32;

export interface ControllerOptions {
  /** Workflow workers reconciling in parallel (Argo's --workflow-workers). */
  workers?: number;
  /** Only this namespace, or all when empty. */
  namespace?: string;
  /** Called once with the saved workflow when it reaches a completed phase (the archive hooks in here). */
  onCompleted?: (workflow: Workflow) => void;
  /**
   * Called with the workflow about to be saved completed, before that save; the value it resolves to becomes its
   * `workflow-archiving-status` label (the archive writes it first, so one save completes and labels it).
   */
  beforeCompletedSave?: (workflow: Workflow) => Promise<string | undefined>;
  /** Deletes artifacts on completion or deletion, as their artifactGC strategy says. */
  artifactCollector?: ArtifactCollector;
  /** Reads a ConfigMap's data, for semaphore limits; without it semaphores wait with "Failed to get semaphore limit". */
  readConfigMap?: (namespace: string, name: string) => Promise<Record<string, string> | undefined>;
  /** Argo's controller metrics fed by events (phases entered, reconcile durations). */
  metrics?: Pick<ControllerMetrics, 'phaseEntered' | 'operation'>;
  /** Receives the custom metrics workflows and templates emit (metrics.prometheus). */
  onMetrics?: (emissions: MetricEmission[], errors: string[]) => void;
  /** Memoization caches (ConfigMaps) that memoized templates read before they run and write when they succeed. */
  memoCaches?: MemoCaches;
  /** Resolves each workflow's artifact repository into status.artifactRepositoryRef, as Argo's controller does. */
  repositories?: ArtifactRepositories;
  /** The controller configuration (Argo's ConfigMap), read at every reconcile so changes apply at once. */
  config?: () => ControllerConfig;
  /** The API server's reachability (kubernetes mode): its outages are logged once instead of per workflow. */
  reachability?: ApiReachability;
  /** Records Argo's workflow and node Events (WorkflowRunning, WorkflowNodeSucceeded, ...) after each save. */
  events?: EventRecorder;
}

/** Argo's message for a workflow waiting for a `parallelism` slot. */
export const postponedMessage = 'Workflow processing has been postponed because too many workflows are already running';


/**
 * The controller loop: watches workflows, feeds each one with its pods' observations through the pure engine,
 * saves the new status and carries out the engine's actions. Keys are `namespace/name`.
 */
export class WorkflowController {
  private readonly queue: WorkQueue;
  private readonly abort = new AbortController();
  private readonly uidToKey = new Map<string, string>();
  private stopExecutorListener: () => void = () => {};
  // Mutexes and semaphores shared by every workflow; a freed slot requeues the workflows waiting at the front.
  private readonly locks = new LockTable((key) => this.queue.add(key));
  private readonly throttler: WorkflowThrottler;
  // Pods pod GC has queued for deletion, by `uid/nodeId`, so each is queued once.
  private readonly podsQueuedForGC = new Set<string>();
  private readonly gcTimers = new Set<NodeJS.Timeout>();
  // The newest version of each unfinished workflow the watch (or our own save) has shown, so a reconcile needs no
  // read: as Argo's informer. A stale copy can only make a save fail with a conflict, which drops it and reads again.
  private readonly cache = new Map<string, KubeObject>();
  /**
   * Workflows last seen completed (and not being deleted), which the cache drops: a reconcile of one has nothing to
   * do, and without this each read it again from the API server first (every pod event and label change after
   * completion, 1.6 GETs per finished one-pod workflow on the bench).
   */
  private readonly completed = new Set<string>();
  // Pod-creation passes waiting for room, woken by their workflow's next pod event, by workflow uid.
  private readonly podEventWaiters = new Map<string, Set<() => void>>();
  ready = false;

  constructor(
    private readonly cluster: ClusterPort,
    private readonly executor: PodExecutor,
    private readonly logger: Logger,
    private readonly options: ControllerOptions = {},
  ) {
    this.queue = new WorkQueue((key) => this.reconcile(key), options.workers ?? 8, (key, error) => {
      const seconds = this.queue.addRateLimited(key);
      // An unreachable API server fails every workflow at once: say so once, not once per workflow per retry.
      if (options.reachability && isUnreachable(error)) options.reachability.failed(`reconcile ${key}`, error);
      else this.logger.error({ err: error, workflow: key }, `reconcile failed; retrying in ${seconds} s`);
    });
    const config = this.config();
    this.throttler = new WorkflowThrottler(config.parallelism, config.namespaceParallelism, (key) => this.queue.add(key));
  }

  private config(): ControllerConfig {
    return this.options.config?.() ?? emptyControllerConfig();
  }

  /** A namespace's own parallelism limit (undefined: the ConfigMap's namespaceParallelism again). */
  setNamespaceLimit(namespace: string, limit: number | undefined): void {
    this.throttler.setNamespaceLimit(namespace, limit);
  }

  /** A changed configuration: new parallelism limits admit waiting workflows at once. */
  configChanged(config: ControllerConfig): void {
    this.throttler.setLimits(config.parallelism, config.namespaceParallelism);
  }

  private owns(workflow: Pick<KubeObject, 'metadata'>): boolean {
    return belongsToInstance(workflow.metadata.labels, this.config().instanceID);
  }

  async start(): Promise<void> {
    const namespace = this.options.namespace ?? '';
    this.stopExecutorListener = this.executor.onChange((uid) => {
      for (const wake of this.podEventWaiters.get(uid) ?? []) wake();
      const key = this.uidToKey.get(uid);
      if (key) this.queue.add(key);
    });
    await this.cluster.watch<KubeObject>('workflows', namespace, (event) => {
      const key = `${event.object.metadata.namespace}/${event.object.metadata.name}`;
      if (!this.owns(event.object)) return;
      const completed = isCompleted((event.object['status'] as Workflow['status'])?.phase);
      if (event.type === 'DELETED' || completed) this.cache.delete(key);
      else if (isNewer(this.cache.get(key), event.object)) this.cache.set(key, event.object);
      // One being deleted is reconciled from what the server has (its artifacts are collected before it goes).
      if (completed && event.type !== 'DELETED' && !event.object.metadata.deletionTimestamp) this.completed.add(key);
      else this.completed.delete(key);
      if (event.type === 'DELETED') {
        void this.cleanUp(event.object as unknown as Workflow);
        this.options.artifactCollector?.onDeleted(event.object as unknown as Workflow)
          .catch((error: unknown) => this.logger.warn({ err: error, workflow: key }, 'artifact garbage collection failed'));
        return;
      }
      this.queue.add(key);
    }, this.abort.signal);
    // Read one at a time: a whole namespace's workflows parsed at once would all be alive together.
    const existing = await this.cluster.listSummaries<KubeObject>('workflows', namespace);
    for (const listed of existing.items) {
      if (!this.owns(listed)) continue;
      const wf = listed.read();
      const status = wf['status'] as Workflow['status'];
      // Pods a previous run left for pod GC (its delay timers died with it).
      if (isCompleted(status?.phase)) this.collectPods(wf as unknown as Workflow);
      // Deleted while no controller ran: its artifacts are still to be collected (Argo's finalizer holds it).
      if (isCompleted(status?.phase) && wf.metadata.deletionTimestamp) this.queue.add(`${wf.metadata.namespace}/${wf.metadata.name}`);
      if (isCompleted(status?.phase)) continue;
      const key = `${wf.metadata.namespace}/${wf.metadata.name}`;
      // Locks held before a restart stay held (Argo's sync manager Initialize).
      restoreLockHolders(this.locks, status);
      // Running workflows keep their parallelism slots across a restart, as Argo's throttler Init.
      if (status?.phase === 'Running') this.throttler.markRunning(key);
      this.queue.add(key);
    }
    this.ready = true;
    this.logger.info({ workers: this.options.workers ?? 8, resumed: this.queue.length }, 'controller started');
  }

  private async reconcile(key: string): Promise<void> {
    const reconcileStarted = performance.now();
    const [namespace = '', name = ''] = key.split('/');
    let workflow: Workflow;
    const cached = this.cache.get(key);
    if (!cached && this.completed.has(key)) {
      this.throttler.remove(key);
      return;
    }
    try {
      // A copy: the reconcile below may change what it is given, and the cache must keep what the server has.
      workflow = (cached ? structuredClone(cached) as unknown as Workflow : undefined) ?? await this.cluster.get<Workflow & KubeObject>('workflows', namespace, name);
    } catch (error) {
      if (isApiError(error) && error.code === 5) return;
      throw error;
    }
    if (!this.owns(workflow as unknown as KubeObject)) return;
    if (workflow.metadata.deletionTimestamp && workflow.metadata.finalizers?.includes(artifactGCFinalizer)) {
      await this.collectOnDeletion(key, workflow);
      return;
    }
    if (isCompleted(workflow.status?.phase)) {
      this.throttler.remove(key);
      return;
    }
    if (!(await this.admitted(key, workflow))) return;
    const defaults = this.config().workflowDefaults;
    // Argo merges the defaults into the workflow on every operation (setExecWorkflow), so the saved spec has them;
    // a workflowTemplateRef workflow gets them under its template's spec instead.
    workflow = workflow.spec?.workflowTemplateRef
      ? { ...workflow, metadata: defaultMetadataOf(workflow, defaults) }
      : applyWorkflowDefaults(workflow, defaults);
    if (workflow.status?.phase === 'Pending' && workflow.status.message === postponedMessage) {
      workflow = { ...workflow, status: { ...workflow.status, message: undefined } };
      delete workflow.status!.message;
    }
    const ref: WorkflowRef = { namespace, name, uid: workflow.metadata.uid ?? '' };
    this.uidToKey.set(ref.uid, key);

    const podNodes = Object.values(workflow.status?.nodes ?? {}).filter((n) => n.type === 'Pod' || n.type === 'HTTP');
    const podNodeIds = podNodes.map((n) => n.id);
    const nodeStartedAt = Object.fromEntries(podNodes.map((n) => [n.id, n.startedAt]));
    const resolveTemplateRef = withDefaults(await loadReferencedTemplates(this.cluster, workflow), workflow, defaults);
    await loadSemaphoreLimits(this.locks, workflow, resolveTemplateRef, this.options.readConfigMap);
    const memoCacheNames = this.options.memoCaches ? memoCacheNamesIn(specsOfWorkflow(workflow, resolveTemplateRef)) : new Set<string>();
    const memoCaches = memoCacheNames.size ? await this.options.memoCaches!.load(namespace, memoCacheNames) : undefined;
    const repository = await withArtifactRepositoryRef(workflow, this.options.repositories, new Date());
    workflow = repository.workflow;
    const operationStarted = performance.now();
    const output = repository.failed ?? reconcileWorkflow({
      workflow,
      pods: this.executor.observe(ref, podNodeIds, nodeStartedAt),
      now: new Date(),
      resolveTemplateRef,
      locks: this.locks,
      ...(memoCaches ? { memoCaches } : {}),
    });
    const operationEnded = performance.now();
    this.options.metrics?.operation((operationEnded - operationStarted) / 1000);

    let saved: KubeObject | undefined;
    let archiveMs: number | undefined;
    if (output.changed) {
      const phase = output.status.phase ?? '';
      const labels: Record<string, string> = { ...(workflow.metadata.labels ?? {}), [workflowLabels.phase]: phase };
      if (isCompleted(phase)) labels[workflowLabels.completed] = 'true';
      // Argo's artifact GC finalizer: the workflow stays until its OnWorkflowDeletion artifacts are deleted, also
      // when it is deleted while no controller runs.
      const finalizers = this.options.artifactCollector && needsDeletionFinalizer(workflow) && !workflow.metadata.finalizers?.includes(artifactGCFinalizer)
        ? { finalizers: [...(workflow.metadata.finalizers ?? []), artifactGCFinalizer] }
        : {};
      const toSave = { ...workflow, metadata: { ...workflow.metadata, labels, ...finalizers }, status: output.status };
      if (isCompleted(phase) && this.options.beforeCompletedSave) {
        const archiveStarted = performance.now();
        const archiving = await this.options.beforeCompletedSave(toSave);
        archiveMs = Math.round(performance.now() - archiveStarted);
        if (archiving) labels[workflowLabels.archivingStatus] = archiving;
      }
      try {
        saved = await this.cluster.update('workflows', namespace, toSave as KubeObject);
      } catch (error) {
        // Someone else changed the workflow (a user's suspend, stop or edit), or the cached copy was stale: decide
        // again on fresh state.
        if (isApiError(error) && (error.code === 10 || error.code === 5)) {
          this.cache.delete(key);
          if (error.code === 10) this.queue.add(key);
          return;
        }
        this.cache.delete(key);
        throw error;
      }
      if (isCompleted(output.status.phase)) {
        this.cache.delete(key);
        this.completed.add(key);
      } else if (isNewer(this.cache.get(key), saved)) this.cache.set(key, saved);
      if (!isCompleted(output.status.phase)) this.queue.pace(key, savePaceMs(Object.keys(output.status.nodes ?? {}).length));
      if (phase !== (workflow.status?.phase ?? '')) {
        this.logger.info({ workflow: key, phase }, 'workflow phase changed');
        this.options.metrics?.phaseEntered(namespace, phase);
      }
      const savedWorkflow = saved as unknown as Workflow;
      this.recordEvents(ref, workflow.status, savedWorkflow);
      this.collectPods(savedWorkflow);
      if (isCompleted(phase)) {
        this.throttler.remove(key);
        this.options.onCompleted?.(savedWorkflow);
        if (this.options.artifactCollector) void this.collectArtifacts(savedWorkflow, this.options.artifactCollector);
      }
    }

    // Actions run only once the status that decided them is saved, so a crash never loses a created pod's node.
    const current = (saved as unknown as Workflow | undefined) ?? workflow;
    // Pods are independent of each other: a wide DAG's hundreds of pods are created several at a time, not one
    // round trip after another.
    const podCreations: Array<() => Promise<void>> = [];
    const podDeletions: Array<() => Promise<void>> = [];
    for (const action of output.actions) {
      if (action.type === 'createPod') {
        podCreations.push(() => this.executor.createPod(ref, {
          nodeId: action.nodeId, nodeName: action.nodeName, podName: action.podName, template: action.template, includeScriptOutput: action.includeScriptOutput,
          newNode: action.newNode, workflow: current,
        }));
      } else if (action.type === 'deletePod') {
        podDeletions.push(() => this.executor.deletePod(ref, action.nodeId, action.reason));
      } else if (action.type === 'requeue') {
        this.queue.addAfter(key, action.afterSeconds);
      } else if (action.type === 'metrics') {
        this.options.onMetrics?.(action.emissions, action.errors);
      } else if (action.type === 'touchMemoCache') {
        await this.options.memoCaches?.touch(namespace, action.cacheName, action.key).catch((error: unknown) =>
          this.logger.warn({ err: error, workflow: key, cache: action.cacheName, key: action.key }, 'could not stamp a memoization cache entry'));
      } else if (action.type === 'saveMemoCache') {
        // Argo logs a failed save too; the node keeps its outputs, only later runs miss.
        await this.options.memoCaches?.save(namespace, action.cacheName, action.key, action.nodeId, action.outputs).catch((error: unknown) =>
          this.logger.warn({ err: error, workflow: key, cache: action.cacheName, key: action.key }, 'could not save a memoization cache entry'));
      }
    }
    const saveEnded = performance.now();
    await runLimited(podDeletions, podCreationsInFlight);
    // Pods are created as fast as the cluster starts them (the executor's window of pods created and not started),
    // and a long creation stops after a slice so the next reconcile saves the progress made meanwhile.
    const nodeCount = Object.keys(output.status.nodes ?? {}).length;
    const creation = await createPodsPaced(podCreations, {
      inFlight: podCreationsInFlight,
      room: () => this.executor.podCreationRoom?.(ref) ?? Number.POSITIVE_INFINITY,
      nextPodEvent: (ms) => this.nextPodEvent(ref.uid, ms),
      sliceMs: creationSliceMs(nodeCount),
    });
    // A pass cut short goes on at once; one that sent everything looks again once I/O has run (a timer, not at once:
    // while a created pod has not reached the informer the engine asks for it again, its creation is not sent twice,
    // and an immediate requeue looped without I/O, starving the informer that would deliver it). One that waited in
    // vain for room waits for the pod events that make room (a pod stuck starting sends none: no busy worker).
    if (creation.outcome === 'slice') this.queue.add(key);
    else if (creation.outcome === 'done' && podCreations.length) this.queue.addAfter(key, 0);
    // Where a slow reconcile's time went (--log-level debug): reading and preparing, the engine, the save (archiveMs of
    // it: the archive write before a completing save), the pods.
    this.logger.debug({
      workflow: key, saved: saved !== undefined, nodes: nodeCount, podCreations: podCreations.length, podsSent: creation.sent,
      creation: creation.outcome, room: this.executor.podCreationRoom?.(ref), podDeletions: podDeletions.length,
      ...(archiveMs === undefined ? {} : { archiveMs }),
      prepareMs: Math.round(operationStarted - reconcileStarted), engineMs: Math.round(operationEnded - operationStarted),
      saveMs: Math.round(saveEnded - operationEnded), podsMs: Math.round(performance.now() - saveEnded),
    }, 'reconciled');
  }

  // Resolves at the workflow's next pod event, or after `ms`.
  private nextPodEvent(uid: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      let waiters = this.podEventWaiters.get(uid);
      if (!waiters) this.podEventWaiters.set(uid, (waiters = new Set()));
      const wake = () => {
        clearTimeout(timer);
        waiters.delete(wake);
        if (waiters.size === 0 && this.podEventWaiters.get(uid) === waiters) this.podEventWaiters.delete(uid);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      waiters.add(wake);
    });
  }

  /**
   * Queues the Events Argo's controller records for the operation just saved (its phase and node changes); only a
   * saved status is reported, so a save that failed reports nothing. The writes happen in the background.
   */
  private recordEvents(ref: WorkflowRef, before: Workflow['status'], saved: Workflow): void {
    const recorder = this.options.events;
    if (!recorder || !saved.status) return;
    for (const { podNodeId, ...report } of toWorkflowEventReports(before, saved.status, this.config())) {
      const pod = podNodeId ? this.executor.podReference?.(ref, podNodeId) : undefined;
      if (pod) {
        // Argo's nodeEvents.sendAsPod: about the pod, naming the workflow in annotations.
        const annotations = { ...report.annotations, [nodeEventAnnotations.workflowName]: ref.name, [nodeEventAnnotations.workflowUid]: ref.uid };
        recorder.record({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace: ref.namespace, ...pod } }, { ...report, annotations });
      } else {
        recorder.record(saved as unknown as KubeObject, report);
      }
    }
  }

  /**
   * Argo's throttler check: a workflow may run once it holds a `parallelism` slot; a Running one never waits (its pods
   * would be orphaned) and a terminated one goes on to stop. A new workflow that must wait is marked Pending once.
   */
  private async admitted(key: string, workflow: Workflow): Promise<boolean> {
    const created = Date.parse(workflow.metadata.creationTimestamp ?? '') || 0;
    this.throttler.add(key, workflow.spec?.priority ?? 0, created);
    if (workflow.spec?.shutdown === 'Terminate' || workflow.status?.phase === 'Running' || this.throttler.admit(key)) return true;
    this.logger.info({ workflow: key }, 'workflow processing has been postponed due to max parallelism limit');
    if (!workflow.status?.phase) {
      const labels = { ...(workflow.metadata.labels ?? {}), [workflowLabels.phase]: 'Pending', [workflowLabels.completed]: 'false' };
      const status = { ...(workflow.status ?? {}), phase: 'Pending', message: postponedMessage };
      await this.cluster.update('workflows', workflow.metadata.namespace ?? '', { ...workflow, metadata: { ...workflow.metadata, labels }, status } as unknown as KubeObject)
        .catch((error: unknown) => {
          if (!(isApiError(error) && (error.code === 10 || error.code === 5))) throw error;
        });
    }
    return false;
  }

  /**
   * Pod GC (`spec.podGC`): queues the finished pods the strategy and label selector pick for deletion after the
   * delay (`deleteDelayDuration`, else the ConfigMap's `podGCDeleteDelayDuration`), with the ConfigMap's
   * `podGCGracePeriodSeconds`. Only for executors whose pods it removes (kubernetes mode).
   */
  private collectPods(workflow: Workflow): void {
    const podLabels = this.executor.podLabels?.bind(this.executor);
    const podGC = execSpecOf(workflow).podGC;
    if (!podLabels || !podGC?.strategy) return;
    const ref: WorkflowRef = { namespace: workflow.metadata.namespace ?? '', name: workflow.metadata.name ?? '', uid: workflow.metadata.uid ?? '' };
    const finished = Object.values(workflow.status?.nodes ?? {})
      .filter((n) => n.type === 'Pod' && !this.podsQueuedForGC.has(`${ref.uid}/${n.id}`))
      .map((n) => ({ nodeId: n.id, phase: n.phase ?? '', labels: podLabels(ref, n.id) }))
      .filter((p) => p.labels !== undefined);
    let nodeIds: string[];
    try {
      nodeIds = podsToCollect(podGC, workflow.status?.phase, finished);
    } catch (error) {
      this.logger.warn({ workflow: `${ref.namespace}/${ref.name}`, err: error }, 'pod GC skipped');
      return;
    }
    const config = this.config();
    const delayMs = podGCDelaySeconds(podGC, config.podGCDeleteDelaySeconds) * 1000;
    for (const nodeId of nodeIds) {
      const queued = `${ref.uid}/${nodeId}`;
      this.podsQueuedForGC.add(queued);
      const timer = setTimeout(() => {
        this.gcTimers.delete(timer);
        this.executor.deletePod(ref, nodeId, 'pod GC', { gracePeriodSeconds: config.podGCGracePeriodSeconds })
          .catch((error: unknown) => {
            this.podsQueuedForGC.delete(queued);
            this.logger.warn({ err: error, workflow: `${ref.namespace}/${ref.name}`, nodeId }, 'pod GC could not delete a pod');
          });
      }, delayMs);
      timer.unref();
      this.gcTimers.add(timer);
    }
  }

  // After completion, off the reconcile path: a slow or unreachable store never holds up other workflows.
  private async collectArtifacts(workflow: Workflow, collector: ArtifactCollector): Promise<void> {
    const key = `${workflow.metadata.namespace}/${workflow.metadata.name}`;
    try {
      const status = await collector.onCompleted(workflow);
      if (!status) return;
      for (let attempt = 0; attempt < 3; attempt++) {
        const current = attempt === 0 ? workflow : await this.cluster.get<Workflow & KubeObject>('workflows', workflow.metadata.namespace ?? '', workflow.metadata.name ?? '');
        try {
          await this.cluster.update('workflows', current.metadata.namespace ?? '', { ...current, status } as unknown as KubeObject);
          return;
        } catch (error) {
          if (!(isApiError(error) && error.code === 10)) throw error;
        }
      }
    } catch (error) {
      this.logger.warn({ err: error, workflow: key }, 'artifact garbage collection failed');
    }
  }

  /**
   * A workflow being deleted that holds Argo's artifact GC finalizer: delete its OnWorkflowDeletion artifacts, then
   * let it go. When some could not be deleted it stays (as Argo), with an ArtifactGCError condition, and is tried
   * again a minute later; `spec.artifactGC.forceFinalizerRemoval` lets it go anyway, so it is never stuck on them.
   */
  private async collectOnDeletion(key: string, workflow: Workflow): Promise<void> {
    const collector = this.options.artifactCollector;
    const namespace = workflow.metadata.namespace ?? '';
    const force = execSpecOf(workflow).artifactGC?.forceFinalizerRemoval === true;
    const { status, failed } = collector
      ? await collector.onDeletionRequested(workflow)
      : { status: workflow.status ?? {}, failed: false };
    const release = !failed || force;
    const finalizers = release ? (workflow.metadata.finalizers ?? []).filter((f) => f !== artifactGCFinalizer) : workflow.metadata.finalizers;
    try {
      await this.cluster.update('workflows', namespace, { ...workflow, metadata: { ...workflow.metadata, finalizers }, status } as unknown as KubeObject);
    } catch (error) {
      if (isApiError(error) && error.code === 5) return;
      if (isApiError(error) && error.code === 10) {
        this.queue.add(key);
        return;
      }
      throw error;
    }
    if (failed) {
      this.logger.warn(
        { workflow: key, forceFinalizerRemoval: force },
        release
          ? 'artifact garbage collection failed on deletion; forceFinalizerRemoval let the workflow go'
          : 'artifact garbage collection failed on deletion: the workflow is kept and tried again in 60 s (set spec.artifactGC.forceFinalizerRemoval: true to let it go)',
      );
      if (!release) this.queue.addAfter(key, 60);
    }
  }

  private async cleanUp(workflow: Workflow): Promise<void> {
    const uid = workflow.metadata.uid ?? '';
    this.cache.delete(`${workflow.metadata.namespace}/${workflow.metadata.name}`);
    this.throttler.remove(`${workflow.metadata.namespace}/${workflow.metadata.name}`);
    this.uidToKey.delete(uid);
    for (const queued of this.podsQueuedForGC) if (queued.startsWith(`${uid}/`)) this.podsQueuedForGC.delete(queued);
    this.locks.releaseWorkflow(`${workflow.metadata.namespace}/${workflow.metadata.name}`);
    const ref = { namespace: workflow.metadata.namespace ?? '', name: workflow.metadata.name ?? '', uid };
    const nodeIds = Object.values(workflow.status?.nodes ?? {}).filter((n) => n.type === 'Pod').map((n) => n.id);
    for (const id of nodeIds) await this.executor.deletePod(ref, id, 'workflow deleted').catch(() => {});
    await this.executor.cleanUp(ref, nodeIds);
  }

  /** Workflows waiting to be reconciled, and workers reconciling one now: for /metrics. */
  queueStats(): { depth: number; busy: number } {
    return { depth: this.queue.length, busy: this.queue.busy };
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.cache.clear();
    for (const timer of this.gcTimers) clearTimeout(timer);
    this.stopExecutorListener();
    this.queue.close();
  }
}

// The workflowTemplateRef's spec with the controller's workflowDefaults under it (other references stay as they are).
function withDefaults(resolve: (name: string, clusterScope: boolean) => WorkflowSpec | undefined, workflow: Workflow, defaults: Workflow | undefined) {
  const ref = workflow.spec?.workflowTemplateRef;
  if (!ref || !defaults?.spec) return resolve;
  return (name: string, clusterScope: boolean) => {
    const spec = resolve(name, clusterScope);
    return spec && name === ref.name && clusterScope === (ref.clusterScope === true) ? templateSpecWithDefaults(spec, defaults) : spec;
  };
}

