import type { NodeStatus } from '../generated/argo';
import type { GraphNodeKind } from './types';

/** A node's phase as the dashboard shows it: Argo's UI calls a running Suspend node `Suspended`. */
export function displayPhase(node: Pick<NodeStatus, 'type' | 'phase'>): string {
  if (node.type === 'Suspend' && node.phase === 'Running') return 'Suspended';
  return node.phase || 'Pending';
}

/** The short name Argo's UI prints under a node. */
export function displayLabel(node: Pick<NodeStatus, 'displayName' | 'name'>): string {
  return node.displayName || node.name;
}

/**
 * The label of a node on the graph: its short name, less the workflow's name where Argo puts it in front (the exit
 * handler `<workflow>.onExit`, lifecycle hooks `<workflow>.hooks.<event>`). A card truncates long labels at the end,
 * which left exactly the part that says what the node is cut off.
 */
export function graphLabel(workflowName: string, node: Pick<NodeStatus, 'displayName' | 'name'>): string {
  const label = displayLabel(node);
  const prefix = `${workflowName}.`;
  return workflowName && label.startsWith(prefix) && label.length > prefix.length ? label.slice(prefix.length) : label;
}

/** StepGroup and TaskGroup are bookkeeping nodes: Argo's UI hides them, leaving a point where edges meet. */
export function kindOfNode(type: string): GraphNodeKind {
  return type === 'StepGroup' || type === 'TaskGroup' ? 'dot' : 'card';
}

/** Whether a node did not run: skipped by `when`, or omitted by `depends`. */
export function isDimmed(node: Pick<NodeStatus, 'type' | 'phase'>): boolean {
  return node.type === 'Skipped' || node.phase === 'Skipped' || node.phase === 'Omitted';
}

/** Retry and TaskGroup nodes wrap attempts or loop items, so they can fold into one node. */
export function isCollapsibleType(type: string): boolean {
  return type === 'Retry' || type === 'TaskGroup';
}

/** Seconds a node has run: until it finished, or until `now` while it runs; undefined before it starts. */
export function nodeDurationSeconds(node: Pick<NodeStatus, 'startedAt' | 'finishedAt'>, now: Date): number | undefined {
  if (!node.startedAt) return undefined;
  const end = node.finishedAt ? Date.parse(node.finishedAt) : now.getTime();
  return Math.max(0, (end - Date.parse(node.startedAt)) / 1000);
}
