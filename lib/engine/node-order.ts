import type { NodeStatus } from '../generated/argo';

// The order Argo's Go structs marshal NodeStatus fields in, so `status.nodes` reads the same as Argo's.
const fieldOrder = [
  'id', 'name', 'displayName', 'type', 'templateName', 'templateRef', 'templateScope', 'phase', 'boundaryID', 'message',
  'startedAt', 'finishedAt', 'estimatedDuration', 'progress', 'resourcesDuration', 'inputs', 'outputs', 'children',
  'outboundNodes', 'hostNodeName', 'podIP', 'daemoned', 'nodeFlag', 'memoizationStatus', 'synchronizationStatus', 'taskResultSynced',
];

/** A copy of a node with its fields in Argo's order (unknown fields last). */
export function orderNodeFields(node: NodeStatus): NodeStatus {
  const ordered: Record<string, unknown> = {};
  for (const key of fieldOrder) if ((node as unknown as Record<string, unknown>)[key] !== undefined) ordered[key] = (node as unknown as Record<string, unknown>)[key];
  for (const [key, value] of Object.entries(node)) if (!(key in ordered) && value !== undefined) ordered[key] = value;
  return ordered as unknown as NodeStatus;
}
