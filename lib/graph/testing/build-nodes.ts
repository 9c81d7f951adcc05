import type { NodeStatus } from '../../generated/argo';

/** A node for graph tests: id equals name unless given, Pod and Succeeded unless said otherwise. */
export function node(name: string, fields: Partial<NodeStatus> = {}): NodeStatus {
  return { id: name, name, displayName: name.replace(/^.*[.\]]/, ''), type: 'Pod', phase: 'Succeeded', ...fields };
}

/** A `status.nodes` map from a list of nodes. */
export function nodeMap(...nodes: NodeStatus[]): Record<string, NodeStatus> {
  return Object.fromEntries(nodes.map((n) => [n.id, n]));
}
