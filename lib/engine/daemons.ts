import { toPodName } from './node-names';
import type { Operation } from './operation';

/**
 * Argo's killDaemonedChildren: once a steps or DAG node is done (or the workflow, without a boundary), its daemons
 * stop serving: their pods are deleted and their nodes end Succeeded.
 */
export function killDaemonedChildren(op: Operation, boundaryID?: string): void {
  for (const listed of op.nodeList) {
    if (listed.daemoned !== true || (boundaryID !== undefined && listed.boundaryID !== boundaryID)) continue;
    const node = op.own(listed);
    delete node.daemoned;
    op.markPhase(node.name, 'Succeeded');
    op.actions.push({ type: 'deletePod', nodeId: node.id, podName: toPodName(op.name, node.name, node.templateName ?? ''), reason: 'daemon no longer needed' });
  }
}
