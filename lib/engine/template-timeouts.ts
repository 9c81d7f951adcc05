import type { NodeStatus, Template } from '../generated/argo';
import { addSeconds, parseDurationSeconds } from './duration';
import { toPodName } from './node-names';
import { NodeError, type Operation } from './operation';

/** A node that stayed Pending past its template's `timeout` or `pendingTimeout` (Argo's ErrTimeout). */
export class TemplateTimeout extends Error {
  constructor(readonly node: NodeStatus) {
    super('timeout');
  }
}

function deadlineOf(node: NodeStatus, timeout: string): Date {
  let seconds: number;
  try {
    seconds = parseDurationSeconds(timeout);
  } catch (error) {
    throw new NodeError(`invalid timeout format ${error instanceof Error ? error.message : String(error)}`);
  }
  return addSeconds(node.startedAt ?? '', seconds);
}

/**
 * Argo's checkTemplateTimeouts: a node still Pending past `timeout` or `pendingTimeout` (counted from its start)
 * fails with `timeout`, its pod deleted; otherwise the workflow comes back at the earliest deadline. A running
 * pod's `timeout` is enforced by its activeDeadlineSeconds instead (see podDeadlineSeconds).
 */
export function checkTemplateTimeouts(op: Operation, template: Template, node: NodeStatus | undefined): void {
  if (!node || !node.startedAt) return;
  const deadlines: Date[] = [];
  if (template.timeout) deadlines.push(deadlineOf(node, template.timeout));
  if (template.pendingTimeout && node.phase === 'Pending') deadlines.push(deadlineOf(node, template.pendingTimeout));
  if (deadlines.length === 0) return;
  const earliest = new Date(Math.min(...deadlines.map((d) => d.getTime())));
  if (node.phase === 'Pending' && op.now > earliest) {
    const failed = op.markPhase(node.name, 'Failed', 'timeout');
    if (node.type === 'Pod') op.actions.push({ type: 'deletePod', nodeId: node.id, podName: toPodName(op.name, node.name, template.name ?? ''), reason: 'timeout' });
    throw new TemplateTimeout(failed);
  }
  if (op.now < earliest) op.requeue((earliest.getTime() - op.now.getTime()) / 1000);
}

/**
 * The activeDeadlineSeconds a pod starts with: the template's own, shortened to what is left of its `timeout`
 * (counted from the node's start), as Argo's pod builder does. Throws when the timeout is (all but) spent.
 */
export function podDeadlineSeconds(op: Operation, template: Template, node: NodeStatus): number | undefined {
  const own = template.activeDeadlineSeconds === undefined ? undefined : Number(template.activeDeadlineSeconds);
  if (!template.timeout || !node.startedAt) return own;
  const left = Math.trunc((deadlineOf(node, template.timeout).getTime() - op.now.getTime()) / 1000);
  if (left <= 1) throw new NodeError(`${node.name} exceeded its deadline`);
  return own === undefined || left < own ? left : own;
}

/** Runs a template for a caller with no group to fail on a timeout: the timed-out node (already Failed) stands. */
export function executeUnlessTimedOut(execute: () => NodeStatus | undefined): NodeStatus | undefined {
  try {
    return execute();
  } catch (error) {
    if (error instanceof TemplateTimeout) return error.node;
    throw error;
  }
}
