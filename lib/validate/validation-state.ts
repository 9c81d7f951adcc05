import type { Template, WorkflowSpec } from '@/lib/generated/argo';
import type { PlaceholderSource } from './placeholders';
import type { TemplateResolver, ValidationIssue } from './types';

/** Where templates are looked up by name: the manifest being validated, or a WorkflowTemplate it references. */
export interface TemplateBase {
  kind: 'Workflow' | 'WorkflowTemplate' | 'ClusterWorkflowTemplate';
  name: string;
  spec: WorkflowSpec;
  /** JSON path of `spec` in its manifest (`spec`, or `spec.workflowSpec` for a CronWorkflow). */
  specPath: string;
  /** Empty for the manifest being validated; otherwise how to name the referenced manifest in messages. */
  document: string;
  /** Argo's template scope (`local`, `namespaced`, `cluster`), which keys the validated-templates cache. */
  scope: 'local' | 'namespaced' | 'cluster';
}

/** A template found for a holder, with its JSON path in its own manifest and the base it resolves names in. */
export interface ResolvedTemplate {
  template: Template;
  path: string;
  base: TemplateBase;
}

/** Argo's Opts, plus what Capstan adds. */
export interface Modes {
  lint: boolean;
  submit: boolean;
  ignoreEntrypoint: boolean;
  workflowTemplateValidation: boolean;
  executorPlugins: readonly string[] | undefined;
}

/** Argo's templateValidationCtx: what one validation run accumulates as it walks the templates. */
export interface ValidationState {
  modes: Modes;
  /** Variables available everywhere, with their (placeholder) values; grows as global outputs are found. */
  globals: Map<string, string>;
  /** Templates whose bodies have been validated, by scope and name, so each is walked once. */
  validated: Set<string>;
  /**
   * Constant templates (`isConstantTemplate`) that passed every check: arguments cannot change them, so a later
   * reference needs no work (a DAG of thousands of tasks refers to one template thousands of times, twice).
   */
  passed: WeakSet<Template>;
  /** Referenced WorkflowTemplates and ClusterWorkflowTemplates as bases, by `<scope>/<name>`, looked up once. */
  bases: Map<string, TemplateBase | undefined>;
  placeholders: PlaceholderSource;
  resolver: TemplateResolver | undefined;
  namespace: string;
}

/** Shorthand for an issue. */
export function toIssue(path: string, message: string): ValidationIssue {
  return { path, message };
}
