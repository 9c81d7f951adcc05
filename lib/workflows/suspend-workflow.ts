import { invalidArgument } from '../api-error';
import type { Workflow } from '../generated/argo';
import { workflowLabels } from './workflow-labels';

/**
 * `argo suspend`: sets `spec.suspend`. Undefined when the workflow is already suspended (nothing to write);
 * completed workflows, by their `completed` label as in Argo, cannot be suspended.
 */
export function suspendWorkflow(workflow: Workflow): Workflow | undefined {
  if (workflow.metadata.labels?.[workflowLabels.completed] === 'true') throw invalidArgument('cannot suspend completed workflows');
  if (workflow.spec.suspend) return undefined;
  return { ...workflow, spec: { ...workflow.spec, suspend: true } };
}
