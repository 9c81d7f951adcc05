import type { Arguments, DAGTask, Template } from '@/lib/generated/argo';
import { addItemsToScope, addOutputsToScope, isParameterReference } from './add-to-scope';
import { checkDependsSyntax } from './check-depends-syntax';
import { checkTaskResults, getTaskAncestry, getTaskDependencies, sortTasks } from './dag-graph';
import { checkFieldNames } from './field-names';
import { extractFailedTag, locateText } from './locate-text';
import { toArgumentSource, toFakeArguments } from './process-args';
import { findUnresolvedVariable, layerScope } from './resolve-variables';
import type { TemplateHolder } from './resolve-template';
import { hasExitHook, toTemplateHolder } from './template-holder-of';
import type { ValidationIssue } from './types';
import { validateArguments } from './validate-arguments';
import type { HolderValidator } from './validate-steps';
import type { TemplateBase, ValidationState } from './validation-state';
import { toIssue } from './validation-state';
import type { VariableScope } from './variable-scope';

const hasLoop = (task: DAGTask) => (task.withItems?.length ?? 0) > 0 || !!task.withParam || task.withSequence != null;
const isAggregate = (task: DAGTask) => (task.withItems?.length ?? 0) > 0 || !!task.withParam;

function unresolvedIssue(message: string, value: unknown, path: string): ValidationIssue {
  const tag = extractFailedTag(message);
  return toIssue(tag === undefined ? path : locateText(value, tag, path), message);
}

/** Argo's validateDAGTaskArgumentDependency: an argument taken from `{{tasks.X...}}` needs X as an ancestor. */
function checkArgumentDependencies(args: Arguments | undefined, ancestry: ReadonlySet<string>, path: string): ValidationIssue | undefined {
  for (const [index, param] of (args?.parameters ?? []).entries()) {
    if (param.value?.startsWith('{{tasks.')) {
      const task = param.value.split('.')[1] ?? '';
      if (!ancestry.has(task)) {
        return toIssue(`${path}.arguments.parameters[${index}].value`, `missing dependency '${task}' for parameter '${param.name}': add it to depends or dependencies`);
      }
    }
  }
  for (const [index, artifact] of (args?.artifacts ?? []).entries()) {
    if (artifact.from?.startsWith('{{tasks.')) {
      const task = artifact.from.split('.')[1] ?? '';
      if (!ancestry.has(task)) {
        return toIssue(`${path}.arguments.artifacts[${index}].from`, `missing dependency '${task}' for artifact '${artifact.name}': add it to depends or dependencies`);
      }
    }
  }
  return undefined;
}

function checkTargets(template: Template, path: string, names: ReadonlySet<string>): ValidationIssue | undefined {
  const target = template.dag?.target;
  if (!target) return undefined;
  for (const name of target.split(' ')) {
    if (!isParameterReference(name) && !names.has(name)) return toIssue(`${path}.dag.target`, `target '${name}' is not defined`);
  }
  return undefined;
}

// The per-task rules of Argo's first pass, before targets and variables. `syntax` caches depends checks by text:
// thousands of tasks often share one `depends`.
function checkTaskShape(task: DAGTask, at: string, usingDepends: boolean, dagPath: string, syntax: Map<string, string | undefined>): ValidationIssue | undefined {
  if ((usingDepends || (task.dependencies ?? []).length > 0) && /^[0-9]/.test(task.name)) {
    return toIssue(`${at}.name`, "task name cannot begin with a digit when using either 'depends' or 'dependencies'");
  }
  if (usingDepends && (task.dependencies ?? []).length > 0) {
    return toIssue(`${dagPath}.tasks`, "cannot use both 'depends' and 'dependencies' in the same DAG template");
  }
  if (usingDepends && task.continueOn != null) {
    return toIssue(`${at}.continueOn`, "cannot use 'continueOn' when using 'depends'. Instead use 'dep-task.Failed'/'dep-task.Errored'");
  }
  if (task.depends) {
    let problem = syntax.get(task.depends);
    if (problem === undefined && !syntax.has(task.depends)) syntax.set(task.depends, (problem = checkDependsSyntax(task.depends)));
    if (problem !== undefined) return toIssue(`${at}.depends`, `invalid depends expression: ${problem}`);
  }
  return undefined;
}

/** Argo's validateDAG: checks the tasks of a (substituted) DAG template in dependency order. */
export function validateDag(
  state: ValidationState,
  scope: VariableScope,
  base: TemplateBase,
  template: Template,
  path: string,
  validateHolder: HolderValidator,
): ValidationIssue | undefined {
  const dagPath = `${path}.dag`;
  if (template.activeDeadlineSeconds !== undefined) return toIssue(`${path}.activeDeadlineSeconds`, 'activeDeadlineSeconds is only valid for leaf templates');
  const tasks = template.dag?.tasks ?? [];
  if (tasks.length === 0) return toIssue(`${dagPath}.tasks`, 'a DAG must have at least one task');
  const taskPath = (index: number) => `${dagPath}.tasks[${index}]`;
  const usingDepends = tasks.some((task) => !!task.depends);
  const order = sortTasks(tasks);
  if (!Array.isArray(order)) {
    return toIssue(order.field === 'dag' ? `${dagPath}.tasks` : `${taskPath(order.index)}.${order.field}`, order.message);
  }
  const names = checkFieldNames(tasks.map((task) => task.name), 'field');
  if (names !== undefined) return toIssue(`${taskPath(names.index)}.name`, names.message);
  const byName = new Map(tasks.map((task) => [task.name, task]));
  const dependencyCache = new Map<string, string[]>();
  const dependenciesOf = (name: string) => {
    let names = dependencyCache.get(name);
    if (names === undefined) dependencyCache.set(name, (names = [...getTaskDependencies(byName.get(name) ?? { name }).keys()]));
    return names;
  };
  const resolved = new Map<string, Template | undefined>();
  const holders: TemplateHolder[] = [];
  const syntax = new Map<string, string | undefined>();
  const fakeArguments = toFakeArguments(state.placeholders);
  for (const index of order) {
    const task = tasks[index] as DAGTask;
    const at = taskPath(index);
    const shape = checkTaskShape(task, at, usingDepends, dagPath, syntax);
    if (shape !== undefined) return shape;
    const holder = (holders[index] = toTemplateHolder(task, at));
    const first = validateHolder(holder, base, fakeArguments);
    if (first.issue !== undefined) return first.issue;
    resolved.set(task.name, first.template);
    addOutputsToScope(state, first.template, 'tasks', task.name, scope, isAggregate(task), false);
    const results = checkTaskResults(task);
    if (results !== undefined) return toIssue(`${at}.depends`, results);
    for (const [dependency, type] of getTaskDependencies(task)) {
      if (type === 'items' && !hasLoop(byName.get(dependency) as DAGTask)) {
        return toIssue(`${at}.depends`, `dependency '${dependency}' uses an items-based condition such as .AnySucceeded or .AllFailed but does not contain any items`);
      }
    }
  }
  const target = findUnresolvedVariable(template.dag?.target ?? '', scope, state.globals, state.modes.workflowTemplateValidation);
  if (target !== undefined) return toIssue(`${dagPath}.target`, target);
  const targets = checkTargets(template, path, new Set(byName.keys()));
  if (targets !== undefined) return targets;
  for (const index of order) {
    const task = tasks[index] as DAGTask;
    const holder = holders[index] as TemplateHolder;
    const at = holder.path;
    const taskTemplate = resolved.get(task.name);
    if (task.hooks !== undefined) scope.add(`tasks.${task.name}.status`);
    addOutputsToScope(state, taskTemplate, 'tasks', task.name, scope, false, false);
    if (hasExitHook(task)) addOutputsToScope(state, taskTemplate, 'tasks', task.name, scope, false, false);
    // Argo re-adds each ancestor's outputs with isAncestor set; the first pass already added all the rest, so
    // only `tasks.<ancestor>.status` is new, answered from the ancestry rather than copied into a new scope.
    // The ancestry is only needed by tasks that use variables or pass arguments; a chain of thousands of tasks
    // would make computing it for each task quadratic.
    let ancestors: ReadonlySet<string> | undefined;
    const ancestorsOf = () => (ancestors ??= new Set(getTaskAncestry(task.name, dependenciesOf)));
    const text = JSON.stringify(task);
    if (text.includes('{{') || task.withItems !== undefined || task.withSequence != null || task.inline !== undefined) {
      const additions = new Set<string>();
      for (const param of task.inline?.inputs?.parameters ?? []) additions.add(`inputs.parameters.${param.name}`);
      const loop = addItemsToScope(task, additions);
      if (loop !== undefined) return toIssue(at, loop);
      const isAncestorStatus = (key: string) => key.startsWith('tasks.') && key.endsWith('.status') && ancestorsOf().has(key.slice(6, -7));
      const layered = layerScope(scope, additions);
      const taskScope = { has: (key: string) => layered.has(key) || isAncestorStatus(key) };
      const unresolved = findUnresolvedVariable(text, taskScope, state.globals, state.modes.workflowTemplateValidation);
      if (unresolved !== undefined) return unresolvedIssue(unresolved, task, at);
    }
    if (task.arguments !== undefined) {
      const argsIssue = validateArguments(`${at}.arguments`, task.arguments, false);
      if (argsIssue !== undefined) return argsIssue;
      const dependencyIssue = checkArgumentDependencies(task.arguments, ancestorsOf(), at);
      if (dependencyIssue !== undefined) return dependencyIssue;
    }
    const second = validateHolder(holder, base, toArgumentSource(task.arguments));
    if (second.issue !== undefined) return second.issue;
  }
  return undefined;
}
