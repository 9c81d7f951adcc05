import type { ClusterWorkflowTemplate, WorkflowTemplate } from '@/lib/generated/argo';

/** One reason a manifest is invalid: where (a JSON path into the manifest) and why. */
export interface ValidationIssue {
  /** e.g. `spec.templates[2].dag.tasks[1].depends`; empty for the manifest as a whole. */
  path: string;
  message: string;
}

/** What every validate* function returns; valid means `errors` is empty. */
export interface ValidationResult {
  errors: ValidationIssue[];
}

/**
 * Looks up the templates a manifest references (workflowTemplateRef, templateRef). Returns undefined when there
 * is no such template; validation then fails the way Argo's does when its lister cannot find it.
 */
export interface TemplateResolver {
  getWorkflowTemplate(name: string, namespace: string): WorkflowTemplate | undefined;
  getClusterWorkflowTemplate(name: string): ClusterWorkflowTemplate | undefined;
}

/** Options: which of Argo's validation modes to mimic, and what the server has configured. */
export interface ValidationOptions {
  /**
   * `argo lint` and the lint endpoints (true, the default) tolerate workflow arguments without values, which are
   * supplied at submission; submit-time validation (false) requires them.
   */
  lint?: boolean;
  /** Submission of a WorkflowTemplate-based workflow: template arguments must then have values too. */
  submit?: boolean;
  /**
   * Names of the executor plugins the server has. Undefined means unknown, and plugin templates pass as in
   * `argo lint`; a list (even empty) rejects plugin templates naming any other plugin.
   */
  executorPlugins?: readonly string[];
  /** Also require the fields schema.json marks required. Off by default: Argo's decoder does not check them. */
  requireSchemaFields?: boolean;
}

/** Everything validation needs from outside, so that it stays free of I/O. */
export interface ValidationContext {
  resolver?: TemplateResolver;
  /** Namespace for resolving templateRefs when the manifest names none. */
  namespace?: string;
  options?: ValidationOptions;
}
