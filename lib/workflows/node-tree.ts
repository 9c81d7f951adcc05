import { ApiError, GrpcCode } from '../api-error';
import type { NodeStatus } from '../generated/argo';

/** A node with its single recorded parent and its children, as Argo's retry logic walks them. */
export interface DagNode {
  node: NodeStatus;
  parent?: DagNode;
  children: DagNode[];
}

/**
 * Links a workflow's nodes by `children`. A node that several nodes list as a child (a task depending on
 * several others) gets one parent: the last in node-ID order, so the result is stable (as Argo's `newWorkflowsDag`).
 */
export function buildNodeTree(workflowName: string, nodes: Record<string, NodeStatus>): Map<string, DagNode> {
  const tree = new Map<string, DagNode>();
  const parentOf = new Map<string, string>();
  for (const id of Object.keys(nodes).sort()) {
    const node = nodes[id]!;
    tree.set(node.id, { node, children: [] });
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  }
  for (const dagNode of tree.values()) {
    const { node } = dagNode;
    const parentId = parentOf.get(node.id);
    if (parentId === undefined && node.name !== workflowName && !node.name.startsWith(`${workflowName}.onExit`)) {
      throw new ApiError(GrpcCode.Internal, `couldn't find parent node for ${node.id}`);
    }
    dagNode.parent = parentId === undefined ? undefined : tree.get(parentId);
    dagNode.children = (node.children ?? []).map((childId) => {
      const child = tree.get(childId);
      if (!child) throw new ApiError(GrpcCode.Internal, `coudln't obtain child ${childId}`);
      return child;
    });
  }
  return tree;
}

/** The nodes reachable from the root (the node named like the workflow), breadth first; exit handlers are left out. */
export function sortBreadthFirst(tree: Map<string, DagNode>, rootName: string): DagNode[] {
  const root = [...tree.values()].find((n) => n.node.name === rootName);
  if (!root) return [];
  const sorted: DagNode[] = [];
  const visited = new Set([root.node.id]);
  for (const queue = [root]; queue.length; ) {
    const current = queue.shift()!;
    sorted.push(current);
    for (const child of current.children) {
      if (visited.has(child.node.id)) continue;
      visited.add(child.node.id);
      queue.push(child);
    }
  }
  return sorted;
}

/** IDs of every node below `start`. */
export function childrenOf(start: DagNode): Set<string> {
  const ids = new Set<string>();
  for (const queue = [start]; queue.length; ) {
    for (const child of queue.shift()!.children) {
      ids.add(child.node.id);
      queue.push(child);
    }
  }
  return ids;
}

/** Whether any descendant of `node` succeeded and is not about to be reset (Argo's `isDescendantNodeSucceeded`). */
export function descendantSucceeded(nodes: Record<string, NodeStatus>, node: NodeStatus, resetting: ReadonlySet<string>): boolean {
  return (node.children ?? []).some((id) => {
    const child = nodes[id];
    if (!child) return false;
    return (!resetting.has(id) && child.phase === 'Succeeded') || descendantSucceeded(nodes, child, resetting);
  });
}
