import type { Template } from '@/lib/generated/argo';
import { addItemsToScope, addOutputsToScope } from './add-to-scope';
import { checkWorkflowFieldName } from './field-names';
import { extractFailedTag, locateText } from './locate-text';
import { placeholderPrefix } from './placeholders';
import type { ArgumentSource } from './process-args';
import { toArgumentSource, toFakeArguments } from './process-args';
import type { TemplateHolder } from './resolve-template';
import { findUnresolvedVariable, layerScope } from './resolve-variables';
import { checkHooks, hasExitHook, toTemplateHolder } from './template-holder-of';
import type { ValidationIssue } from './types';
import { validateArguments } from './validate-arguments';
import type { TemplateBase, ValidationState } from './validation-state';
import { toIssue } from './validation-state';
import type { VariableScope } from './variable-scope';

/** Validates what a holder names; passed in so that steps and DAGs can recurse without an import cycle. */
export type HolderValidator = (
  holder: TemplateHolder,
  base: TemplateBase,
  args: ArgumentSource,
) => { template?: Template; issue?: ValidationIssue };

/** Argo's isValidStepName: a name may hold placeholders where variables were, checked as if each were `x`. */
function checkStepName(name: string): string | undefined {
  return checkWorkflowFieldName(name.replace(new RegExp(`${placeholderPrefix}\\d+`, 'g'), 'x'));
}

/** Argo's validateSteps: checks each step of a (substituted) steps template, in order, growing the scope. */
export function validateSteps(
  state: ValidationState,
  scope: VariableScope,
  base: TemplateBase,
  template: Template,
  path: string,
  validateHolder: HolderValidator,
): ValidationIssue | undefined {
  if (template.activeDeadlineSeconds !== undefined) return toIssue(`${path}.activeDeadlineSeconds`, 'activeDeadlineSeconds is only valid for leaf templates');
  const names = new Set<string>();
  for (const [groupIndex, group] of (template.steps ?? []).entries()) {
    for (const [index, step] of (group ?? []).entries()) {
      const at = `${path}.steps[${groupIndex}][${index}]`;
      if (!step.name) return toIssue(`${at}.name`, 'step name is required');
      if (names.has(step.name)) return toIssue(`${at}.name`, `step name '${step.name}' is not unique`);
      const invalid = checkStepName(step.name);
      if (invalid !== undefined) return toIssue(`${at}.name`, `step name '${step.name}' is invalid: ${invalid}`);
      names.add(step.name);
      scope.add(`steps.${step.name}.status`);
      const loop = addItemsToScope(step, scope);
      if (loop !== undefined) return toIssue(at, loop);
      const argsIssue = validateArguments(`${at}.arguments`, step.arguments, false);
      if (argsIssue !== undefined) return argsIssue;
      const holder = toTemplateHolder(step, at);
      const first = validateHolder(holder, base, toFakeArguments(state.placeholders));
      if (first.issue !== undefined) return first.issue;
      if (hasExitHook(step)) addOutputsToScope(state, first.template, 'steps', step.name, scope, false, false);
      const hook = checkHooks(step.hooks, `${at}.hooks`);
      if (hook !== undefined) return toIssue(hook.path, hook.message);
      const inlineInputs = new Set((step.inline?.inputs?.parameters ?? []).map((param) => `inputs.parameters.${param.name}`));
      const stepScope = layerScope(scope, inlineInputs);
      const unresolved = findUnresolvedVariable(JSON.stringify(step), stepScope, state.globals, state.modes.workflowTemplateValidation);
      if (unresolved !== undefined) {
        const tag = extractFailedTag(unresolved);
        return toIssue(tag === undefined ? at : locateText(step, tag, at), unresolved);
      }
      const aggregate = (step.withItems?.length ?? 0) > 0 || !!step.withParam;
      addOutputsToScope(state, first.template, 'steps', step.name, scope, aggregate, false);
      // Again with the step's own arguments, which catches inputs that nothing supplies.
      const second = validateHolder(holder, base, toArgumentSource(step.arguments));
      if (second.issue !== undefined) return second.issue;
    }
  }
  return undefined;
}
