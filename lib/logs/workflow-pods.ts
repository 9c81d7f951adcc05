import { toPodName } from '../engine/node-names';
import type { NodeStatus } from '../generated/argo';
import { displayLabel } from '../graph/node-display';

/** A pod of a workflow as the logs viewer offers it. */
export interface WorkflowPod {
  podName: string;
  label: string;
  nodeId: string;
  /** The node saved its log as the `main-logs` artifact (Argo's `archiveLogs`). */
  archived: boolean;
}

/** The pod of one node (Pod nodes only), named as the controller names it. */
export function podOf(workflowName: string, node: NodeStatus): WorkflowPod | undefined {
  if (node.type !== 'Pod') return undefined;
  return {
    podName: toPodName(workflowName, node.name, node.templateName ?? ''),
    label: displayLabel(node),
    nodeId: node.id,
    archived: (node.outputs?.artifacts ?? []).some((a) => a.name === 'main-logs'),
  };
}

/** A workflow's pods in the order they started. */
export function workflowPods(workflowName: string, nodes: Record<string, NodeStatus>): WorkflowPod[] {
  return Object.values(nodes)
    .filter((n) => n.type === 'Pod')
    .sort((a, b) => (a.startedAt ?? '\uffff').localeCompare(b.startedAt ?? '\uffff') || a.name.localeCompare(b.name))
    .map((n) => podOf(workflowName, n)!);
}
