import { isCompleted } from '../engine/phases';
import type { NodeStatus, WorkflowStatus } from '../generated/argo';
import type { EventReport } from '../k8s/kube-event';
import { nodeEventAnnotations } from '../workflows/workflow-labels';
import type { ControllerConfig } from './controller-config';

/** An Event the controller reports about a workflow; `podNodeId` when it is about that node's pod (`nodeEvents.sendAsPod`). */
export interface WorkflowEventReport extends EventReport {
  podNodeId?: string;
}

// Go's time.Time{}.UnixNano(): what Argo writes as node-start-time for a node without startedAt.
const goZeroTimeUnixNano = '-6795364578871345152';

/**
 * The Events Argo's controller records for one saved operation on a workflow (operator.go's markWorkflowPhase and
 * recordNodePhaseChangeEvents), from the status before and after it: the workflow's phase events first (Argo sends
 * them while operating, before the save), then one per node whose phase changed or that is new. O(nodes).
 */
export function toWorkflowEventReports(
  before: WorkflowStatus | undefined,
  after: WorkflowStatus,
  config: Pick<ControllerConfig, 'nodeEvents' | 'workflowEvents'>,
): WorkflowEventReport[] {
  const reports: WorkflowEventReport[] = [];
  const oldNodes = before?.nodes ?? {};
  const newNodes = after.nodes ?? {};
  if (config.workflowEvents.enabled && (before?.phase ?? '') !== (after.phase ?? '')) {
    const from = before?.phase ?? '';
    // Argo marks a workflow Running before it executes anything, so one that ran and finished within its first
    // operation reports Running too; one refused before that (validation, no nodes) goes straight to Failed.
    const ranWithinOneOperation = (from === '' || from === 'Pending') && isCompleted(after.phase) && Object.keys(newNodes).length > 0;
    if (ranWithinOneOperation) reports.push({ type: 'Normal', reason: 'WorkflowRunning', message: 'Workflow Running' });
    const report = workflowPhaseReport(after.phase ?? '', after.message ?? '');
    if (report) reports.push(report);
  }
  if (!config.nodeEvents.enabled) return reports;
  const sendAsPod = config.nodeEvents.sendAsPod;
  for (const id in newNodes) {
    const node = newNodes[id]!;
    const old = oldNodes[id];
    if (old) {
      // The engine keeps the input's object for a node it did not write: nothing to compare.
      if (old === node || old.phase === node.phase) continue;
      if (old.phase === 'Pending' && isNodeCompleted(node)) reports.push(nodeReport(node, 'Running', sendAsPod));
      reports.push(nodeReport(node, node.phase ?? '', sendAsPod));
    } else if (node.phase === 'Running') {
      reports.push(nodeReport(node, 'Running', sendAsPod));
    } else if (isNodeCompleted(node)) {
      reports.push(nodeReport(node, 'Running', sendAsPod), nodeReport(node, node.phase ?? '', sendAsPod));
    }
  }
  return reports;
}

function workflowPhaseReport(phase: string, message: string): WorkflowEventReport | undefined {
  switch (phase) {
    case 'Running': return { type: 'Normal', reason: 'WorkflowRunning', message: 'Workflow Running' };
    case 'Succeeded': return { type: 'Normal', reason: 'WorkflowSucceeded', message: 'Workflow completed' };
    case 'Failed':
    case 'Error': return { type: 'Warning', reason: 'WorkflowFailed', message };
    default: return undefined;
  }
}

/** Argo's NodeStatus.Completed: Succeeded, Failed or Error with its task result in (Skipped and Omitted are not). */
function isNodeCompleted(node: NodeStatus): boolean {
  return (node.phase === 'Succeeded' || node.phase === 'Failed' || node.phase === 'Error') && node.taskResultSynced !== false;
}

function nodeReport(node: NodeStatus, phase: string, sendAsPod: boolean): WorkflowEventReport {
  const message = `${phase} node ${node.name}${node.message ? `: ${node.message}` : ''}`;
  const startedAt = node.startedAt ? Date.parse(node.startedAt) : NaN;
  return {
    type: phase === 'Succeeded' || phase === 'Running' ? 'Normal' : 'Warning',
    reason: `WorkflowNode${phase}`,
    message,
    annotations: {
      [nodeEventAnnotations.nodeType]: node.type ?? '',
      [nodeEventAnnotations.nodeName]: node.name ?? '',
      [nodeEventAnnotations.nodeId]: node.id ?? '',
      // For retried and resubmitted workflows the start time is what tells nodes of the same name apart.
      [nodeEventAnnotations.nodeStartTime]: Number.isNaN(startedAt) ? goZeroTimeUnixNano : (BigInt(startedAt) * 1_000_000n).toString(),
    },
    ...(sendAsPod && node.type === 'Pod' ? { podNodeId: node.id ?? '' } : {}),
  };
}
