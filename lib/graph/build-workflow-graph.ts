import type { NodeStatus } from '../generated/argo';
import { groupSimilarNodes } from './group-similar-nodes';
import { exitsOfGroup, nodesInsideGroup, outboundLeaves } from './group-scope';
import { displayPhase, graphLabel, isCollapsibleType, isDimmed, kindOfNode } from './node-display';
import type { GraphEdge, GraphNode, GraphViewOptions, WorkflowGraph } from './types';

/** Argo's UI shows at most three children of a node until it is expanded: the first, a placeholder, the last. */
const maxChildrenShown = 3;
/**
 * Above this many nodes the graph is reduced by grouping similar nodes (`groupSimilarNodes`) instead of hiding
 * middle children: Argo's placeholders still leave most of a wide DAG drawn (every fan-in reachable through a
 * first or last child), while groups bring 10,000 tasks down to a few hundred cards the user can open one by one.
 */
export const groupAbove = 500;

/** The id of the placeholder standing for a node's hidden children. */
export function hiddenNodeId(parentId: string): string {
  return `hidden:${parentId}`;
}

/**
 * Builds the graph Argo's UI draws from `status.nodes`: edges follow `children` from the node named like the
 * workflow; a node with more than three children shows the first, an "N hidden nodes" placeholder and the last
 * (unless expanded); folded Retry/TaskGroup nodes stand for their subtree; the exit handler hangs under the
 * workflow's last pods; a graph of more than `groupAbove` nodes groups similar nodes instead of hiding children.
 * Nodes and edges come out in traversal order, so the same input gives the same graph.
 */
export function buildWorkflowGraph(
  workflowName: string,
  nodes: Readonly<Record<string, NodeStatus>>,
  options: GraphViewOptions = {},
): WorkflowGraph {
  const requested = options.expanded ?? new Set<string>();
  const large = Object.keys(nodes).length > groupAbove && !requested.has('*');
  const expanded = large ? new Set(['*']) : requested;
  const collapsed = options.collapsed ?? new Set<string>();
  const graphNodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const traversed = new Set<string>();
  const placeholders = new Map<string, string[]>();

  const addEdge = (source: string | undefined, target: string) => {
    if (source === undefined || source === target) return;
    edges.set(`${source}\u0000${target}`, { source, target });
  };
  const addNode = (node: NodeStatus, folded: number) => {
    if (graphNodes.has(node.id)) return;
    const collapsible = isCollapsibleType(node.type);
    graphNodes.set(node.id, {
      id: node.id,
      kind: folded > 0 ? 'card' : kindOfNode(node.type),
      type: node.type,
      label: graphLabel(workflowName, node),
      phase: displayPhase(node),
      dimmed: isDimmed(node),
      collapsible,
      hiddenCount: folded,
    });
  };

  // Queue entries are nodes to draw under a parent, or the placeholder for a parent's hidden children, kept in
  // the children's order so that the layout starts from first, placeholder, last.
  type Entry = { id: string; parent: string | undefined; hidden?: string[] };
  const traverse = (rootId: string, rootParent: string | undefined) => {
    const queue: Entry[] = [{ id: rootId, parent: rootParent }];
    for (let head = 0; head < queue.length; head++) {
      const { id, parent, hidden } = queue[head]!;
      if (hidden) {
        placeholders.set(id, hidden);
        graphNodes.set(id, {
          id, kind: 'hidden', type: 'Collapsed', label: `${hidden.length} hidden nodes`, phase: '',
          dimmed: false, collapsible: false, hiddenCount: hidden.length, expands: parent,
        });
        addEdge(parent, id);
        continue;
      }
      const node = nodes[id];
      if (!node) continue;
      const folded = collapsed.has(id) && isCollapsibleType(node.type) ? nodesInsideGroup(nodes, id) : undefined;
      addNode(node, folded?.size ?? 0);
      addEdge(parent, id);
      if (traversed.has(id)) continue;
      traversed.add(id);
      const children = folded ? exitsOfGroup(nodes, id, folded) : (node.children ?? []).filter((c) => nodes[c]);
      const hideMiddle = !folded && children.length > maxChildrenShown && !expanded.has('*') && !expanded.has(id);
      if (!hideMiddle) {
        for (const child of children) queue.push({ id: child, parent: id });
        continue;
      }
      queue.push(
        { id: children[0]!, parent: id },
        { id: hiddenNodeId(id), parent: id, hidden: children.slice(1, -1) },
        { id: children[children.length - 1]!, parent: id },
      );
    }
  };

  const root = nodes[workflowName] ?? Object.values(nodes).find((n) => n.name === workflowName);
  if (root) traverse(root.id, undefined);

  const exitHandler = Object.values(nodes).find((n) => n.name === `${workflowName}.onExit`);
  if (exitHandler) {
    const from = root ? outboundLeaves(nodes, root.id).filter((id) => graphNodes.has(id)) : [];
    traverse(exitHandler.id, undefined);
    for (const id of from.length ? from : root ? [root.id] : []) addEdge(id, exitHandler.id);
  }

  // A placeholder leads on to whatever its hidden children lead to that is drawn (the fan-in after a fan-out).
  for (const [placeholderId, hidden] of placeholders) {
    for (const target of drawnSuccessors(nodes, hidden, graphNodes)) addEdge(placeholderId, target);
  }
  const graph = { nodes: [...graphNodes.values()], edges: [...edges.values()] };
  return large ? groupSimilarNodes(graph, nodes, requested) : graph;
}

/** Drawn nodes reachable from `start` through nodes that are not drawn. */
function drawnSuccessors(nodes: Readonly<Record<string, NodeStatus>>, start: string[], drawn: ReadonlyMap<string, GraphNode>): string[] {
  const found = new Set<string>();
  const seen = new Set(start);
  const stack = [...start];
  while (stack.length) {
    for (const child of nodes[stack.pop()!]?.children ?? []) {
      if (drawn.has(child)) found.add(child);
      else if (!seen.has(child) && nodes[child]) {
        seen.add(child);
        stack.push(child);
      }
    }
  }
  return [...found];
}
