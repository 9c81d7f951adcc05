import { isCompleted, isFailedOrError } from '../engine/phases';
import type { NodeStatus, Workflow } from '../generated/argo';
import { isActiveSuspendNode } from './suspended-nodes';

export const workflowActions = ['resubmit', 'retry', 'suspend', 'resume', 'stop', 'terminate', 'delete'] as const;
export type WorkflowAction = (typeof workflowActions)[number];

/** Whether the workflow is paused: suspended as a whole, or waiting in a suspend node. */
export function isWorkflowSuspended(workflow: Workflow): boolean {
  if (isCompleted(workflow.status?.phase)) return false;
  return Boolean(workflow.spec?.suspend) || Object.values(workflow.status?.nodes ?? {}).some(isActiveSuspendNode);
}

/**
 * Why an action cannot apply to the workflow now, or undefined when it can (the rules of Argo's own buttons):
 * retry needs a failed workflow, suspend a running one, resume a suspended one, stop and terminate an unfinished one.
 */
export function actionBlocker(workflow: Workflow, action: WorkflowAction): string | undefined {
  const phase = workflow.status?.phase;
  const done = isCompleted(phase);
  switch (action) {
    case 'retry':
      return isFailedOrError(phase) ? undefined : 'Only a failed workflow can be retried';
    case 'suspend':
      if (done) return 'The workflow has finished';
      return workflow.spec?.suspend ? 'The workflow is already suspended' : undefined;
    case 'resume':
      return isWorkflowSuspended(workflow) ? undefined : 'The workflow is not suspended';
    case 'stop':
    case 'terminate':
      return done ? 'The workflow has finished' : undefined;
    default:
      return undefined;
  }
}

/** Whether "retry from here" applies: the workflow has ended and the node ran (it restarts from this node). */
export function canRetryFromNode(workflow: Workflow, node: NodeStatus): boolean {
  return isCompleted(workflow.status?.phase) && isCompleted(node.phase);
}

/** The node field selector for exactly one node, as Argo's UI sends for node actions. */
export function nodeSelector(node: NodeStatus): string {
  return `id=${node.id}`;
}
