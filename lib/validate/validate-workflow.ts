import type { ClusterWorkflowTemplate, Workflow, WorkflowTemplate } from '@/lib/generated/argo';
import { checkStructure } from './check-structure';
import { decodeManifest } from './decode-manifest';
import { createPlaceholders } from './placeholders';
import type { ValidationContext, ValidationIssue, ValidationResult } from './types';
import type { WorkflowSubject } from './validate-workflow-spec';
import { validateWorkflowSpec } from './validate-workflow-spec';
import type { Modes, ValidationState } from './validation-state';
import { toIssue } from './validation-state';

// Entry points for Workflows, WorkflowTemplates and ClusterWorkflowTemplates: structure first (as `argo lint`
// decodes), then Argo's semantic rules on the decoded manifest.

const maxNameLength = 63;

/** A fresh validation run's state. */
export function createState(context: ValidationContext, modes: Omit<Modes, 'executorPlugins'>): ValidationState {
  return {
    modes: { ...modes, executorPlugins: context.options?.executorPlugins },
    globals: new Map(),
    validated: new Set(),
    passed: new WeakSet(),
    bases: new Map(),
    placeholders: createPlaceholders(),
    resolver: context.resolver,
    namespace: context.namespace ?? '',
  };
}

/** Structural check, then decoding; returns the decoded manifest or the issues that stop validation. */
export function decodeChecked<T>(manifest: unknown, kind: string, context: ValidationContext): { decoded?: T; issues: ValidationIssue[] } {
  const structure = checkStructure(manifest, kind, { requireFields: context.options?.requireSchemaFields });
  if (!structure.decodes) return { issues: structure.errors };
  return { decoded: decodeManifest<T>(manifest, kind), issues: structure.errors };
}

function checkNameLength(name: string | undefined, what: string, limit: number): ValidationIssue | undefined {
  const length = name?.length ?? 0;
  return length > limit ? toIssue('metadata.name', `${what} name "${name}" must not be more than ${limit} characters long (currently ${length})`) : undefined;
}

function toSubject(manifest: Workflow | WorkflowTemplate | ClusterWorkflowTemplate, name: string): WorkflowSubject {
  return {
    name,
    labels: manifest.metadata?.labels ?? {},
    annotations: manifest.metadata?.annotations ?? {},
    spec: manifest.spec ?? {},
    specPath: 'spec',
  };
}

/** Validates a Workflow as `argo lint` does (or as submission does, with `options.lint: false`). */
export function validateWorkflow(workflow: unknown, context: ValidationContext = {}): ValidationResult {
  const { decoded, issues } = decodeChecked<Workflow>(workflow, 'Workflow', context);
  if (decoded === undefined) return { errors: issues };
  const tooLong = checkNameLength(decoded.metadata?.name, 'workflow', maxNameLength);
  if (tooLong !== undefined) return { errors: [...issues, tooLong] };
  const lint = context.options?.lint ?? true;
  const state = createState(context, { lint, submit: context.options?.submit ?? false, ignoreEntrypoint: false, workflowTemplateValidation: false });
  return { errors: [...issues, ...validateWorkflowSpec(state, toSubject(decoded, decoded.metadata?.name ?? ''))] };
}

// Argo validates a template as a nameless Workflow carrying its labels and annotations; the entrypoint is optional.
function validateTemplateManifest(kind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate', manifest: unknown, context: ValidationContext): ValidationResult {
  const { decoded, issues } = decodeChecked<WorkflowTemplate | ClusterWorkflowTemplate>(manifest, kind, context);
  if (decoded === undefined) return { errors: issues };
  const what = kind === 'WorkflowTemplate' ? 'workflow template' : 'cluster workflow template';
  const tooLong = checkNameLength(decoded.metadata?.name, what, maxNameLength);
  if (tooLong !== undefined) return { errors: [...issues, tooLong] };
  const state = createState(context, {
    lint: context.options?.lint ?? true,
    submit: context.options?.submit ?? false,
    ignoreEntrypoint: !decoded.spec?.entrypoint,
    workflowTemplateValidation: true,
  });
  return { errors: [...issues, ...validateWorkflowSpec(state, toSubject(decoded, ''))] };
}

/** Validates a WorkflowTemplate as `argo lint` does. */
export function validateWorkflowTemplate(template: unknown, context: ValidationContext = {}): ValidationResult {
  return validateTemplateManifest('WorkflowTemplate', template, context);
}

/** Validates a ClusterWorkflowTemplate as `argo lint` does. */
export function validateClusterWorkflowTemplate(template: unknown, context: ValidationContext = {}): ValidationResult {
  return validateTemplateManifest('ClusterWorkflowTemplate', template, context);
}
