import type { PodObservation } from '@/lib/engine/types';
import { toKubeTime } from '@/lib/k8s/object';
import type { PodExecutor, PodLogLine, PodLogOptions, PodRequest, WorkflowRef } from './pod-executor';

/** Carries out one template in the server process; resolves with how it ended. */
export type TaskRunner = (workflow: WorkflowRef, pod: PodRequest, signal: AbortSignal) => Promise<PodObservation>;

/**
 * Runs some templates in the server process instead of a pod: http templates (Argo's agent pod does this in Argo)
 * and data templates in both modes, and in embedded mode resource templates against the embedded store. Everything else goes to the
 * wrapped executor; observations of both are merged, so the controller sees one executor.
 */
export class InProcessTasks implements PodExecutor {
  private readonly tasks = new Map<string, { observation: PodObservation; stop: AbortController }>();
  private readonly listeners = new Set<(uid: string) => void>();

  /** Present only when the wrapped executor has it (pod GC tells the modes apart by it). */
  readonly podLabels?: PodExecutor['podLabels'];
  readonly podCreationRoom?: PodExecutor['podCreationRoom'];
  readonly podReference?: PodExecutor['podReference'];

  constructor(private readonly inner: PodExecutor, private readonly runners: { http?: TaskRunner; resource?: TaskRunner; data?: TaskRunner }) {
    if (inner.podLabels) this.podLabels = (workflow, nodeId) => inner.podLabels!(workflow, nodeId);
    if (inner.podCreationRoom) this.podCreationRoom = (workflow) => inner.podCreationRoom!(workflow);
    if (inner.podReference) this.podReference = (workflow, nodeId) => inner.podReference!(workflow, nodeId);
  }

  private runnerFor(pod: PodRequest): TaskRunner | undefined {
    if (pod.template.http) return this.runners.http;
    if (pod.template.resource) return this.runners.resource;
    if (pod.template.data) return this.runners.data;
    return undefined;
  }

  async createPod(workflow: WorkflowRef, pod: PodRequest): Promise<void> {
    const run = this.runnerFor(pod);
    if (!run) return this.inner.createPod(workflow, pod);
    const key = `${workflow.uid}/${pod.nodeId}`;
    // A task kept under a node just made is an earlier run's (a retry removed the node): its result is not this run's.
    if (pod.newNode) this.tasks.get(key)?.stop.abort();
    else if (this.tasks.has(key)) return;
    const entry = { observation: { phase: 'Running', startedAt: toKubeTime(new Date()) } as PodObservation, stop: new AbortController() };
    this.tasks.set(key, entry);
    void run(workflow, pod, entry.stop.signal)
      .catch((error: unknown): PodObservation => ({ phase: 'Error', message: error instanceof Error ? error.message : String(error), finishedAt: toKubeTime(new Date()) }))
      .then((observation) => {
        if (this.tasks.get(key) !== entry || entry.stop.signal.aborted) return;
        entry.observation = { startedAt: entry.observation.startedAt, ...observation };
        for (const listener of this.listeners) listener(workflow.uid);
      });
  }

  async deletePod(workflow: WorkflowRef, nodeId: string, reason: string, options?: { gracePeriodSeconds?: number }): Promise<void> {
    const task = this.tasks.get(`${workflow.uid}/${nodeId}`);
    if (!task) return this.inner.deletePod(workflow, nodeId, reason, options);
    task.stop.abort();
    if (task.observation.phase === 'Running') task.observation = { ...task.observation, phase: 'Failed', message: reason, finishedAt: toKubeTime(new Date()) };
  }

  observe(workflow: WorkflowRef, nodeIds: string[], nodeStartedAt?: Record<string, string | undefined>): Record<string, PodObservation> {
    const observations = this.inner.observe(workflow, nodeIds.filter((id) => !this.tasks.has(`${workflow.uid}/${id}`)), nodeStartedAt);
    for (const id of nodeIds) {
      const task = this.tasks.get(`${workflow.uid}/${id}`);
      if (task) observations[id] = task.observation;
    }
    return observations;
  }

  onChange(listener: (workflowUid: string) => void): () => void {
    this.listeners.add(listener);
    const stopInner = this.inner.onChange(listener);
    return () => {
      this.listeners.delete(listener);
      stopInner();
    };
  }

  logs(workflow: WorkflowRef, pod: { nodeId: string; podName: string }, options: PodLogOptions, signal: AbortSignal): AsyncIterable<PodLogLine> {
    return this.inner.logs(workflow, pod, options, signal);
  }

  async cleanUp(workflow: WorkflowRef, nodeIds: string[]): Promise<void> {
    for (const id of nodeIds) {
      this.tasks.get(`${workflow.uid}/${id}`)?.stop.abort();
      this.tasks.delete(`${workflow.uid}/${id}`);
    }
    await this.inner.cleanUp(workflow, nodeIds);
  }

  async close(): Promise<void> {
    for (const task of this.tasks.values()) task.stop.abort();
    await this.inner.close();
  }
}
