import type { NodeStatus } from '../../generated/argo';
import { toNodeId } from '../../engine/node-names';

export interface LargeDagOptions {
  /** How many task (Pod) nodes; the root DAG node comes on top. */
  tasks: number;
  /** Tasks per layer; each task after the first layer depends on one to three tasks of the layer above. */
  width?: number;
  seed?: number;
  workflowName?: string;
}

/**
 * `status.nodes` of a finished DAG workflow with many tasks, wired as Argo wires it (dependents under their
 * dependencies, the root's outbound nodes are the last layer). Deterministic for a given seed.
 */
export function generateLargeDag({ tasks, width = 50, seed = 7, workflowName = 'big-dag' }: LargeDagOptions): Record<string, NodeStatus> {
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const root: NodeStatus = {
    id: workflowName, name: workflowName, displayName: workflowName, type: 'DAG', templateName: 'main', phase: 'Succeeded',
    startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T01:00:00Z', children: [], outboundNodes: [],
  };
  const nodes: NodeStatus[] = [];
  for (let i = 0; i < tasks; i++) {
    const name = `${workflowName}.task-${i}`;
    nodes.push({
      id: toNodeId(workflowName, name), name, displayName: `task-${i}`, type: 'Pod', templateName: 'work', phase: 'Succeeded',
      boundaryID: workflowName, startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:05Z', children: [],
    });
  }
  for (let i = 0; i < tasks; i++) {
    const layer = Math.floor(i / width);
    if (layer === 0) {
      root.children!.push(nodes[i]!.id);
      continue;
    }
    const above = nodes.slice((layer - 1) * width, layer * width);
    const parents = new Set<number>();
    const count = 1 + Math.floor(random() * 3);
    for (let k = 0; k < count; k++) parents.add(Math.floor(random() * above.length));
    for (const p of parents) above[p]!.children!.push(nodes[i]!.id);
  }
  const lastLayer = Math.floor((tasks - 1) / width);
  root.outboundNodes = nodes.slice(lastLayer * width).map((n) => n.id);
  return Object.fromEntries([root, ...nodes].map((n) => [n.id, n]));
}
