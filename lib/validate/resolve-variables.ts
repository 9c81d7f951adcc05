import { isExpressionTag, scanTemplateTags } from './template-tags';

// Argo's resolveAllVariables: every `{{...}}` under one of the workflow prefixes must name something in scope.

/** Scope keys that stand for "any name under this prefix, known only at runtime". */
export const anyItemKey = 'item.*';
export const anyWorkflowOutputParameterKey = 'workflow.outputs.parameters.*';
export const anyWorkflowOutputArtifactKey = 'workflow.outputs.artifacts.*';

/** What variable resolution needs of a scope: membership. Steps and tasks layer their own variables over it. */
export interface ScopeLookup {
  has(key: string): boolean;
}

/** A scope with `additions` layered over `base`, so each step or task need not copy the whole scope. */
export function layerScope(base: ScopeLookup, additions: ReadonlySet<string>): ScopeLookup {
  return { has: (key) => additions.has(key) || base.has(key) };
}

const checkedPrefixes = ['item.', 'steps.', 'inputs.', 'outputs.', 'pod.', 'workflow.', 'tasks.'];

// Runtime-only variables that validation cannot see but accepts.
const runtimePrefixes = [
  'outputs.', // a template's own outputs, referenced by its metrics
  'workflow.creationTimestamp',
  'workflow.scheduledTime',
  'workflow.duration',
  'tasks.name',
  'steps.name',
  'node.name',
];

function isAccepted(tag: string, scope: ScopeLookup, workflowTemplateValidation: boolean): boolean {
  if ((tag === 'item' || tag.startsWith('item.')) && scope.has(anyItemKey)) return true;
  if (tag.startsWith('workflow.outputs.parameters.') && scope.has(anyWorkflowOutputParameterKey)) return true;
  if (tag.startsWith('workflow.outputs.artifacts.') && scope.has(anyWorkflowOutputArtifactKey)) return true;
  if (runtimePrefixes.some((prefix) => tag.startsWith(prefix))) return true;
  // A WorkflowTemplate validated alone may use parameters that the submitting Workflow provides.
  return workflowTemplateValidation && tag.startsWith('workflow.parameters');
}

/**
 * The first reason a JSON text has a variable that cannot resolve (`failed to resolve {{tag}}`), or undefined.
 * Expression tags are not checked; tags outside the workflow prefixes are someone else's and pass.
 */
export function findUnresolvedVariable(
  text: string,
  scope: ScopeLookup,
  globals: ReadonlyMap<string, string>,
  workflowTemplateValidation: boolean,
): string | undefined {
  const scan = scanTemplateTags(text);
  if (scan.error !== undefined) return scan.error;
  for (const tag of scan.tags) {
    if (isExpressionTag(tag)) continue;
    const trimmed = tag.trim();
    if (!checkedPrefixes.some((prefix) => trimmed.startsWith(prefix))) continue;
    if (scope.has(trimmed) || globals.has(trimmed)) continue;
    if (!isAccepted(trimmed, scope, workflowTemplateValidation)) return `failed to resolve {{${tag}}}`;
  }
  return undefined;
}
