import { addSeconds } from './duration';
import { toPodName } from './node-names';
import type { Operation } from './operation';
import { isFulfilled } from './phases';

/**
 * Why the workflow must wind down, if it must: a user's stop or terminate (`spec.shutdown`), or the workflow's
 * activeDeadlineSeconds running out. Stop still runs exit handlers; Terminate and the deadline do not.
 */
export interface Shutdown {
  message: string;
  /** What a node whose pod was still pending or running says (Argo's exec_control.go words it apart). */
  podMessage?: string;
  runExitHandlers: boolean;
}

/** The shutdown in force for this reconcile, and a requeue for the deadline when it is still ahead. */
export function shutdownOf(op: Operation, startedAt: string | undefined): Shutdown | undefined {
  const strategy = op.spec.shutdown;
  if (strategy === 'Stop' || strategy === 'Terminate') {
    // Two spaces, as Argo's message has them.
    return { message: `Stopped with strategy '${strategy}'`, podMessage: `workflow shutdown with strategy:  ${strategy}`, runExitHandlers: strategy === 'Stop' };
  }
  const deadlineSeconds = op.spec.activeDeadlineSeconds;
  if (deadlineSeconds !== undefined && startedAt) {
    const deadline = addSeconds(startedAt, Number(deadlineSeconds));
    if (op.now >= deadline) return { message: 'Step exceeded its deadline', podMessage: 'Step exceeded its deadline', runExitHandlers: false };
    op.requeue((deadline.getTime() - op.now.getTime()) / 1000);
  }
  return undefined;
}

/**
 * Fails every unfinished pod and suspend node (deleting the pods), except in exit handlers that may still run,
 * so the steps and DAGs above them finish Failed on this same reconcile.
 */
export function stopRunningNodes(op: Operation, shutdown: Shutdown): void {
  for (const node of op.nodeList) {
    if (isFulfilled(node.phase) || (node.type !== 'Pod' && node.type !== 'Suspend')) continue;
    if (shutdown.runExitHandlers && isInExitHandler(op, node.name)) continue;
    op.markPhase(node.name, 'Failed', node.type === 'Pod' ? shutdown.podMessage ?? shutdown.message : shutdown.message);
    if (node.type === 'Pod') {
      op.actions.push({ type: 'deletePod', nodeId: node.id, podName: toPodName(op.name, node.name, node.templateName ?? ''), reason: shutdown.message });
    }
  }
}

/** Whether a node belongs to an exit handler: its name runs through an `.onExit` node. */
export function isInExitHandler(op: Operation, nodeName: string): boolean {
  return nodeName.startsWith(`${op.name}.onExit`) || nodeName.includes('.onExit');
}
