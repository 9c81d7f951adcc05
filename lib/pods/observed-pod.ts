import type { Container, Outputs } from '../generated/argo';

/** A container's state as the kubelet reports it in a pod's status. */
export interface ObservedContainerStatus {
  name: string;
  ready?: boolean;
  state?: {
    waiting?: { reason?: string; message?: string };
    running?: { startedAt?: string | Date };
    terminated?: { exitCode: number; reason?: string; message?: string; startedAt?: string | Date; finishedAt?: string | Date };
  };
}

/** The fields of a core/v1 Pod that decide its node's status. */
export interface ObservedPod {
  metadata: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: { nodeName?: string; initContainers?: Container[] };
  status?: {
    phase?: string;
    message?: string;
    reason?: string;
    podIP?: string;
    startTime?: string | Date;
    conditions?: { type: string; status: string; reason?: string; message?: string }[];
    containerStatuses?: ObservedContainerStatus[];
    initContainerStatuses?: ObservedContainerStatus[];
  };
}

/** A WorkflowTaskResult: the outputs the wait container reported for one node (named by the node's ID). */
export interface ObservedTaskResult {
  metadata: { name?: string; labels?: Record<string, string> };
  outputs?: Outputs;
  phase?: string;
  message?: string;
}
