import type { Workflow } from '../generated/argo';
import { toKubeTime } from '../k8s/object';
import { isActiveSuspendNode, setSuspendedNodes, useDefaultsForSuppliedOutputs } from './suspended-nodes';

/**
 * `argo resume`: clears `spec.suspend` and marks every active suspend node Succeeded (supplied outputs take
 * their defaults), as Argo's `ResumeWorkflow`. With a node field selector only the matching suspend nodes
 * are resumed. Undefined when there is nothing to change.
 */
export function resumeWorkflow(workflow: Workflow, now: Date, nodeFieldSelector?: string): Workflow | undefined {
  if (nodeFieldSelector) return setSuspendedNodes(workflow, nodeFieldSelector, { phase: 'Succeeded' }, now);
  const result = structuredClone(workflow);
  let updated = false;
  if (result.spec.suspend) {
    delete result.spec.suspend;
    updated = true;
  }
  // Argo carries one message across nodes; in server auth mode there is no user to name, so it starts empty.
  let message = '';
  for (const node of Object.values(result.status?.nodes ?? {})) {
    if (!isActiveSuspendNode(node)) continue;
    useDefaultsForSuppliedOutputs(node.outputs);
    node.phase = 'Succeeded';
    if (node.message) message = `${node.message}; ${message}`;
    node.message = message;
    if (!node.message) delete node.message;
    node.finishedAt = toKubeTime(now);
    updated = true;
  }
  return updated ? result : undefined;
}
