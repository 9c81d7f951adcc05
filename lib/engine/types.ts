import type { Artifact, NodeStatus, Outputs, Template, Workflow, WorkflowSpec, WorkflowStatus } from '../generated/argo';
import type { MemoCacheSnapshot } from './memoization';
import type { MetricEmission } from './metrics';
import type { LockTable } from '../sync/lock-table';

/** Node phases, as Argo writes them. */
export type NodePhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Error' | 'Skipped' | 'Omitted';

/** What was observed of the process (pod or local step) that runs one node. */
export interface PodObservation {
  phase: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Error';
  message?: string;
  startedAt?: string;
  finishedAt?: string;
  exitCode?: number;
  hostNodeName?: string;
  podIP?: string;
  /**
   * The pod's user containers, for a containerSet's `Container` nodes (Argo reads every container status whose
   * name matches one).
   */
  containers?: ContainerObservation[];
  outputs?: {
    result?: string;
    parameters?: { name: string; value: string }[];
    artifacts?: Artifact[];
  };
}

/** One container's state, as the kubelet reports it in the pod's status. */
export interface ContainerObservation {
  name: string;
  state: 'waiting' | 'running' | 'terminated';
  exitCode?: number;
  reason?: string;
  message?: string;
}

/** Everything the engine needs to decide the next status; nothing is fetched during a step. */
export interface EngineInput {
  workflow: Workflow;
  /** Observations of the workflow's pods, by node ID. */
  pods: Readonly<Record<string, PodObservation>>;
  now: Date;
  /** The spec of a WorkflowTemplate (or ClusterWorkflowTemplate when clusterScope), for templateRef and workflowTemplateRef. */
  resolveTemplateRef?: (name: string, clusterScope: boolean) => WorkflowSpec | undefined;
  /**
   * The controller's synchronization locks (mutexes, ConfigMap semaphores), shared by all its workflows. Without
   * it, `synchronization` is not enforced (single-workflow tests and simulations).
   */
  locks?: LockTable;
  /**
   * The memoization caches the workflow's templates name, read by the caller before the step (ConfigMaps in the
   * workflow's namespace, by name); a cache not listed does not exist yet, so every lookup misses.
   */
  memoCaches?: Readonly<Record<string, MemoCacheSnapshot>>;
}

/** Something the caller must do after a step. */
export type EngineAction =
  | {
      type: 'createPod';
      nodeId: string;
      podName: string;
      nodeName: string;
      /** The template with inputs and variables substituted, ready to run. */
      template: Template;
      /** Keep stdout as `outputs.result`: only when the calling steps or DAG template reads it, as in Argo. */
      includeScriptOutput: boolean;
      /**
       * The node was made by this step, so a pod already named for it is an earlier run's (a retry removed the node
       * and its pod may still exist); false when a saved Pending node whose pod was never seen asks again.
       */
      newNode: boolean;
    }
  | { type: 'deletePod'; nodeId: string; podName: string; reason: string }
  | { type: 'requeue'; afterSeconds: number }
  /** Save a memoized node's outputs under `key` in the cache ConfigMap `cacheName` (the workflow's namespace). */
  | { type: 'saveMemoCache'; cacheName: string; key: string; nodeId: string; outputs: Outputs }
  /** Stamp the entry's lastHitTimestamp: it was just read. */
  | { type: 'touchMemoCache'; cacheName: string; key: string }
  /** Custom metrics a template or the workflow emits now, and Argo's messages for those it cannot. */
  | { type: 'metrics'; emissions: MetricEmission[]; errors: string[] };

export interface EngineOutput {
  status: WorkflowStatus;
  actions: EngineAction[];
  /** True when the status differs from the input's. */
  changed: boolean;
}

export type { Template };
export type Nodes = Record<string, NodeStatus>;
