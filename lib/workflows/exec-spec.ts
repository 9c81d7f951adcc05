import { mergeWorkflowSpec } from '../engine/merge-spec';
import type { Workflow, WorkflowSpec } from '../generated/argo';

/** The spec a workflow runs with: its own, or for `workflowTemplateRef` its stored template's spec under its own. */
export function execSpecOf(workflow: Workflow): WorkflowSpec {
  const stored = workflow.status?.storedWorkflowTemplateSpec;
  return stored && workflow.spec?.workflowTemplateRef ? mergeWorkflowSpec(stored, workflow.spec) : workflow.spec;
}
