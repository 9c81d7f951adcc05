import type { ObservedPod } from '../pods/observed-pod';

/**
 * Whether the cluster is still starting a pod: Pending (or not given a phase yet), unless the scheduler has set it
 * aside as Unschedulable. Such a pod waits for capacity (an autoscaler, another pod ending), not for the cluster to
 * catch up, so it must not hold back the pods that could run.
 */
export function isPodStarting(pod: Pick<ObservedPod, 'status'>): boolean {
  const phase = pod.status?.phase;
  if (phase && phase !== 'Pending') return false;
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  return !(scheduled?.status === 'False' && scheduled.reason === 'Unschedulable');
}

/** How many more pods a workflow may create now: its window less its pods starting; a window of 0 is no limit. */
export function podCreationRoom(window: number, starting: number): number {
  return window > 0 ? Math.max(0, window - starting) : Number.POSITIVE_INFINITY;
}

/**
 * The pods each workflow has created that the cluster has not started yet (`isPodStarting`), by workflow uid and
 * node ID: those whose creation was sent and not yet seen by the informer, and those it shows as starting.
 */
export class StartingPods {
  private readonly byWorkflow = new Map<string, Set<string>>();

  /** Records whether a workflow's pod for `nodeId` is starting. */
  set(workflowUid: string, nodeId: string, starting: boolean): void {
    let nodes = this.byWorkflow.get(workflowUid);
    if (starting) {
      if (!nodes) this.byWorkflow.set(workflowUid, (nodes = new Set()));
      nodes.add(nodeId);
    } else if (nodes?.delete(nodeId) && nodes.size === 0) this.byWorkflow.delete(workflowUid);
  }

  has(workflowUid: string, nodeId: string): boolean {
    return this.byWorkflow.get(workflowUid)?.has(nodeId) ?? false;
  }

  count(workflowUid: string): number {
    return this.byWorkflow.get(workflowUid)?.size ?? 0;
  }

  /** Forgets a deleted workflow's pods. */
  forget(workflowUid: string): void {
    this.byWorkflow.delete(workflowUid);
  }
}
