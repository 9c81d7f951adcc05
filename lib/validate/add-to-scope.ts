import type { Item, Sequence, Template } from '@/lib/generated/argo';
import { anyItemKey, anyWorkflowOutputArtifactKey, anyWorkflowOutputParameterKey } from './resolve-variables';
import type { ValidationState } from './validation-state';
import type { VariableScope } from './variable-scope';

// The scope half of Argo's validation: which variables a loop, a step or a task makes available.

/** A loop over a step or task: at most one of its three forms. */
export interface Loop {
  withItems?: Item[];
  withParam?: string;
  withSequence?: Sequence;
}

/** Whether a `globalName` is itself a variable (`{{...}}`), so only known at runtime. */
export function isParameterReference(value: string): boolean {
  return /{{[-a-zA-Z0-9]+(\.[-a-zA-Z0-9_]+)*}}/.test(value);
}

/** Adds `item` (and `item.<key>` for maps and lists) to the scope, or says why the loop is malformed. */
export function addItemsToScope(loop: Loop, scope: Set<string>): string | undefined {
  const forms = [(loop.withItems?.length ?? 0) > 0, !!loop.withParam, loop.withSequence != null].filter(Boolean).length;
  if (forms > 1) return 'only one of withItems, withParam, withSequence can be specified';
  if ((loop.withItems?.length ?? 0) > 0) {
    for (const item of loop.withItems ?? []) {
      // Argo's Item.GetType on the raw JSON: null counts as an (empty) list.
      if (Array.isArray(item) || item === null) (item ?? []).forEach((_: unknown, index: number) => scope.add(`item.[${index}]`));
      else if (typeof item === 'object') Object.keys(item as object).forEach((key) => scope.add(`item.${key}`));
      else scope.add('item');
    }
  } else if (loop.withParam) {
    scope.add('item');
    scope.add(anyItemKey);
  } else if (loop.withSequence != null) {
    if (loop.withSequence.count != null && loop.withSequence.end != null) return 'only one of count or end can be defined in withSequence';
    scope.add('item');
  }
  return undefined;
}

/**
 * Adds what a step or task named `name` exposes to later ones (`steps.<name>.outputs.result`...), and records
 * the global outputs its template exports. `template` is undefined when it is only known at runtime.
 */
export function addOutputsToScope(
  state: ValidationState,
  template: Template | undefined,
  prefix: 'steps' | 'tasks',
  name: string,
  scope: VariableScope,
  aggregate: boolean,
  isAncestor: boolean,
): void {
  scope.expose(prefix, name, { template, aggregate, isAncestor });
  if (template === undefined) return;
  for (const param of template.outputs?.parameters ?? []) {
    if (!param.globalName) continue;
    if (isParameterReference(param.globalName)) scope.add(anyWorkflowOutputParameterKey);
    else {
      const global = `workflow.outputs.parameters.${param.globalName}`;
      scope.add(global);
      state.globals.set(global, state.placeholders.next());
    }
  }
  for (const artifact of template.outputs?.artifacts ?? []) {
    if (!artifact.globalName) continue;
    if (isParameterReference(artifact.globalName)) scope.add(anyWorkflowOutputArtifactKey);
    else {
      const global = `workflow.outputs.artifacts.${artifact.globalName}`;
      scope.add(global);
      state.globals.set(global, state.placeholders.next());
    }
  }
}
