/**
 * The drawable graph of a workflow: Argo's node tree reduced to what the dashboard shows.
 * Node ids are Argo's node ids, except placeholders for hidden children (`hiddenNodeId`).
 */
export type GraphNodeKind =
  /** A node drawn as a card: pods, steps, DAGs, retries, suspends, skipped nodes, collapsed groups. */
  | 'card'
  /** StepGroup and TaskGroup nodes: only a small dot joining the edges, as in Argo's UI. */
  | 'dot'
  /** "N hidden nodes": the middle children of a node with more than three, until it is expanded. */
  | 'hidden'
  /** Similar nodes of a large graph drawn as one card (`groupSimilarNodes`), until the user opens it. */
  | 'group';

export interface GraphNode {
  id: string;
  kind: GraphNodeKind;
  /** Argo's node type, or `Collapsed` for a hidden-children placeholder. */
  type: string;
  label: string;
  /** Argo's phase; a running Suspend node reads `Suspended`. */
  phase: string;
  /** Skipped and Omitted nodes are drawn faded. */
  dimmed: boolean;
  /** Retry and TaskGroup nodes can fold their whole subtree into themselves. */
  collapsible: boolean;
  /** How many nodes this one stands for when it is folded or a placeholder; 0 otherwise. */
  hiddenCount: number;
  /** For a placeholder or a group: the id to add to `expanded` to show what it stands for. */
  expands?: string;
  /** For a group: how many of its members are in each phase. */
  phaseCounts?: Readonly<Record<string, number>>;
}

export interface GraphEdge {
  source: string;
  target: string;
}

export interface WorkflowGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** What the user chose to see; both sets hold Argo node ids. */
export interface GraphViewOptions {
  /**
   * Nodes whose children are all shown even when there are more than three, and groups of a large graph shown
   * member by member (`*` expands every node and group).
   */
  expanded?: ReadonlySet<string>;
  /** Retry and TaskGroup nodes folded into one card. */
  collapsed?: ReadonlySet<string>;
}

export interface Point {
  x: number;
  y: number;
}

/** Top-left positions and sizes of every node, as React Flow places them. */
export interface GraphLayout {
  positions: ReadonlyMap<string, { x: number; y: number; width: number; height: number }>;
  /** Inner points of edges that cross more than one layer, by `edgeKey(source, target)`, top to bottom. */
  bends: ReadonlyMap<string, Point[]>;
  width: number;
  height: number;
}
