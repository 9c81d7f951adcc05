import type { NodeStatus } from '../generated/argo';

// The order Argo's Go structs marshal NodeStatus fields in, so `status.nodes` reads the same as Argo's.
const fieldOrder = [
  'id', 'name', 'displayName', 'type', 'templateName', 'templateRef', 'templateScope', 'phase', 'boundaryID', 'message',
  'startedAt', 'finishedAt', 'estimatedDuration', 'progress', 'resourcesDuration', 'inputs', 'outputs', 'children',
  'outboundNodes', 'hostNodeName', 'podIP', 'daemoned', 'nodeFlag', 'memoizationStatus', 'synchronizationStatus', 'taskResultSynced',
];

const rank = new Map(fieldOrder.map((key, index) => [key, index]));

/** Whether a node's fields are in Argo's order already (most are, from one reconcile to the next). */
function isOrdered(node: NodeStatus): boolean {
  let last = -1;
  for (const key in node) {
    const index = rank.get(key);
    // Unknown fields go last, so a known one after them is out of order; an undefined member is dropped.
    if (index === undefined || (node as unknown as Record<string, unknown>)[key] === undefined) return false;
    if (index < last) return false;
    last = index;
  }
  return true;
}

/** The node with its fields in Argo's order (unknown fields last): itself when they are, else a copy. */
export function orderNodeFields(node: NodeStatus): NodeStatus {
  if (isOrdered(node)) return node;
  const ordered: Record<string, unknown> = {};
  for (const key of fieldOrder) if ((node as unknown as Record<string, unknown>)[key] !== undefined) ordered[key] = (node as unknown as Record<string, unknown>)[key];
  for (const [key, value] of Object.entries(node)) if (!(key in ordered) && value !== undefined) ordered[key] = value;
  return ordered as unknown as NodeStatus;
}
