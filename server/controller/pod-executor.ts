import type { Template, Workflow } from '@/lib/generated/argo';
import type { PodObservation } from '@/lib/engine/types';

/** Identifies the workflow a pod belongs to. */
export interface WorkflowRef {
  namespace: string;
  name: string;
  uid: string;
}

/** How much of a pod's log to read, as Kubernetes' PodLogOptions and Argo's `grep`. */
export interface PodLogOptions {
  container?: string;
  follow?: boolean;
  sinceSeconds?: number;
  tailLines?: number;
}

/** One line of a pod's log with the time it was written (RFC 3339). */
export interface PodLogLine {
  time: string;
  line: string;
}

/** One pod to run, as the engine asked for it. */
export interface PodRequest {
  nodeId: string;
  nodeName?: string;
  podName: string;
  template: Template;
  /** Keep stdout as `outputs.result` (Argo's ARGO_INCLUDE_SCRIPT_OUTPUT). */
  includeScriptOutput?: boolean;
  /** The node was made by the reconcile asking: a pod already named for it is an earlier run's (before a retry). */
  newNode?: boolean;
  /** The workflow as the controller just saved it, so the executor need not read it again. */
  workflow?: Workflow;
}

/** What the controller needs of whatever runs pods: local processes in embedded mode, pods in Kubernetes. */
export interface PodExecutor {
  createPod(workflow: WorkflowRef, pod: PodRequest): Promise<void>;
  deletePod(workflow: WorkflowRef, nodeId: string, reason: string, options?: { gracePeriodSeconds?: number }): Promise<void>;
  /**
   * The labels of a node's pod, for pod GC's label selector. Only executors whose pods pod GC removes implement it
   * (kubernetes mode); embedded mode keeps its finished steps, whose logs live with them.
   */
  podLabels?(workflow: WorkflowRef, nodeId: string): Record<string, string> | undefined;
  /** The pod of a node as its Events name it (nodeEvents.sendAsPod); executors without pods in a cluster leave it out. */
  podReference?(workflow: WorkflowRef, nodeId: string): { name: string; uid?: string; resourceVersion?: string } | undefined;
  /**
   * How many more of the workflow's pods may be created now, so creation keeps pace with the cluster starting them
   * (kubernetes mode's `--pod-start-window`); without it, no limit.
   */
  podCreationRoom?(workflow: WorkflowRef): number;
  /**
   * Observations of the workflow's pods, by node ID. `nodeStartedAt` (node ID → the node's startedAt) lets an
   * executor ignore a pod older than its node: a leftover of the attempt before a retry, which must not answer for it.
   */
  observe(workflow: WorkflowRef, nodeIds: string[], nodeStartedAt?: Record<string, string | undefined>): Record<string, PodObservation>;
  /** Calls `listener` with the workflow's uid whenever one of its pods changes. */
  onChange(listener: (workflowUid: string) => void): () => void;
  /** The lines a pod's container wrote; with `follow`, until the pod ends or `signal` aborts. */
  logs(workflow: WorkflowRef, pod: { nodeId: string; podName: string }, options: PodLogOptions, signal: AbortSignal): AsyncIterable<PodLogLine>;
  /** Frees everything a finished or deleted workflow's pods hold. */
  cleanUp(workflow: WorkflowRef, nodeIds: string[]): Promise<void>;
  close(): Promise<void>;
}
