import type { PodGC, WorkflowSpec } from '../generated/argo';
import { formatGoDuration, GoDuration, parseGoDuration } from '../expr/go-time';
import { fromLabelSelectorObject, matchesLabels } from '../k8s/label-selector';

/** The annotation Argo puts on each pod: `<strategy>/<delay>`, e.g. `OnPodSuccess/5s`. */
export const podGCAnnotation = 'workflows.argoproj.io/pod-gc-strategy';

/**
 * Seconds pod GC waits before deleting, as Argo's getPodGCDelay: the workflow's `deleteDelayDuration` when it parses
 * and is not negative, else the controller's `podGCDeleteDelayDuration`.
 */
export function podGCDelaySeconds(podGC: PodGC | undefined, configDelaySeconds: number): number {
  if (!podGC?.deleteDelayDuration) return configDelaySeconds;
  try {
    const seconds = Number(parseGoDuration(podGC.deleteDelayDuration).nanos) / 1e9;
    return seconds >= 0 ? seconds : configDelaySeconds;
  } catch {
    return configDelaySeconds;
  }
}

/** The pod annotation's value, with the delay formatted as Go's Duration.String. */
export function podGCAnnotationValue(podGC: PodGC, configDelaySeconds: number): string {
  const seconds = podGCDelaySeconds(podGC, configDelaySeconds);
  return `${podGC.strategy ?? ''}/${formatGoDuration(new GoDuration(BigInt(Math.round(seconds * 1e9))))}`;
}

/** One finished pod, as pod GC sees it. */
export interface FinishedPod {
  nodeId: string;
  /** The node's phase: Succeeded, or Failed/Error (a failed pod). */
  phase: string;
  labels: Record<string, string> | undefined;
}

const completedPhases = new Set(['Succeeded', 'Failed', 'Error']);

/**
 * Which finished pods to delete now, as Argo's determinePodCleanupAction: pods outside `labelSelector` are kept;
 * OnPodCompletion deletes every finished pod, OnPodSuccess the succeeded ones, OnWorkflowCompletion all once the
 * workflow completed, OnWorkflowSuccess all once it succeeded. Throws on a malformed selector.
 */
export function podsToCollect(podGC: PodGC | undefined, workflowPhase: string | undefined, pods: FinishedPod[]): string[] {
  const strategy = podGC?.strategy ?? '';
  if (!strategy) return [];
  const selector = fromLabelSelectorObject(podGC?.labelSelector, 'podGC.labelSelector');
  const workflowDone = completedPhases.has(workflowPhase ?? '');
  return pods.filter((pod) => {
    if (!completedPhases.has(pod.phase) || !matchesLabels(pod.labels, selector)) return false;
    switch (strategy) {
      case 'OnWorkflowCompletion': return workflowDone;
      case 'OnWorkflowSuccess': return workflowPhase === 'Succeeded';
      case 'OnPodCompletion': return true;
      case 'OnPodSuccess': return pod.phase === 'Succeeded';
      default: return false;
    }
  }).map((pod) => pod.nodeId);
}

/** The spec a workflow runs with (its own, or its template's under it) decides pod GC and TTL. */
export type ExecSpec = Pick<WorkflowSpec, 'podGC' | 'ttlStrategy'>;
