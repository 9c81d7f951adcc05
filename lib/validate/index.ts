import type { ValidationContext, ValidationResult } from './types';
import { validateCronWorkflow } from './validate-cron-workflow';
import { validateClusterWorkflowTemplate, validateWorkflow, validateWorkflowTemplate } from './validate-workflow';

// Capstan's `argo lint`: structural (Argo's strict decoding) and semantic (workflow/validate) validation of
// Workflows, WorkflowTemplates, ClusterWorkflowTemplates and CronWorkflows, with a path on every issue.

export type { TemplateResolver, ValidationContext, ValidationIssue, ValidationOptions, ValidationResult } from './types';
export { validateWorkflow, validateWorkflowTemplate, validateClusterWorkflowTemplate } from './validate-workflow';
export { validateCronWorkflow } from './validate-cron-workflow';
export { createTemplateResolver } from './create-template-resolver';
export { formatIssue, formatIssues, formatLintResults } from './format-issues';
export type { LintedObject } from './format-issues';

/** The kinds `argo lint` validates. */
export const lintableKinds = ['Workflow', 'WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow'] as const;

/** Validates a manifest of any lintable kind by its `kind`; undefined for other kinds, which `argo lint` skips. */
export function validateManifest(manifest: unknown, context: ValidationContext = {}): ValidationResult | undefined {
  const kind = typeof manifest === 'object' && manifest !== null ? (manifest as { kind?: unknown }).kind : undefined;
  switch (kind) {
    case 'Workflow':
      return validateWorkflow(manifest, context);
    case 'WorkflowTemplate':
      return validateWorkflowTemplate(manifest, context);
    case 'ClusterWorkflowTemplate':
      return validateClusterWorkflowTemplate(manifest, context);
    case 'CronWorkflow':
      return validateCronWorkflow(manifest, context);
    default:
      return undefined;
  }
}
