import type { DAGTask } from '@/lib/generated/argo';

// How Argo reads a DAG's edges (workflow/common/ancestry.go): a regular expression picks task names, with or
// without a `.Result`, out of `depends`; `dependencies` is sugar for `(X.Succeeded || X.Skipped || X.Daemoned)`.

/** How a task depends on another: on its result, or on its items (`.AnySucceeded`, `.AllFailed`). */
export type DependencyType = 'task' | 'items';

const taskResults = ['Succeeded', 'Failed', 'Errored', 'Skipped', 'Omitted', 'Daemoned', 'AnySucceeded', 'AllFailed'];

function dependsText(task: DAGTask): string {
  if (task.depends) return task.depends;
  return (task.dependencies ?? []).map((name) => `(${name}.Succeeded || ${name}.Skipped || ${name}.Daemoned)`).join(' && ');
}

// By `depends` text: validation asks several times per task, and thousands of tasks often share one text. Bounded,
// as it lives as long as the process.
const dependenciesByText = new Map<string, ReadonlyMap<string, DependencyType>>();
const maxCachedTexts = 10_000;

/** The tasks a task depends on, as Argo's GetTaskDependencies reads them (unknown names included). */
export function getTaskDependencies(task: DAGTask): ReadonlyMap<string, DependencyType> {
  const text = dependsText(task);
  let known = dependenciesByText.get(text);
  if (known === undefined) {
    if (dependenciesByText.size >= maxCachedTexts) dependenciesByText.clear();
    dependenciesByText.set(text, (known = readDependencies(text)));
  }
  return known;
}

function readDependencies(text: string): Map<string, DependencyType> {
  const dependencies = new Map<string, DependencyType>();
  // Same pattern as Argo's taskNameRegex; JavaScript's leftmost-first alternation matches RE2's here.
  const pattern = /([a-zA-Z0-9][-a-zA-Z0-9]*?\.[A-Z][a-zA-Z]+)|([a-zA-Z0-9][-a-zA-Z0-9]*)/g;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) {
      const [name = '', result = ''] = match[1].split('.');
      if (result === 'AnySucceeded' || result === 'AllFailed') dependencies.set(name, 'items');
      else if (!dependencies.has(name)) dependencies.set(name, 'task');
    } else if (match[2] !== undefined) {
      dependencies.set(match[2], 'task');
    }
  }
  return dependencies;
}

/** Why a task's `depends` names an unknown result (`A.Succeded`), or undefined. */
export function checkTaskResults(task: DAGTask): string | undefined {
  // Without a dot there is no result to check (most `depends` of a wide DAG are plain names).
  if (!task.depends?.includes('.')) return undefined;
  for (const match of task.depends.matchAll(/([a-zA-Z0-9][-a-zA-Z0-9]*?\.[A-Z][a-zA-Z]+)/g)) {
    const [name = '', result = ''] = (match[1] ?? '').split('.');
    if (!taskResults.includes(result)) return `task result '${result}' for task '${name}' is invalid`;
  }
  return undefined;
}

/** A cycle through the dependency graph as `a->b->a`, or undefined. */
export function findDependencyCycle(order: readonly string[], dependenciesOf: (name: string) => readonly string[]): string | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (name: string): string | undefined => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'visiting') return [...stack.slice(stack.indexOf(name)), name].join('->');
    state.set(name, 'visiting');
    stack.push(name);
    for (const dependency of dependenciesOf(name)) {
      const cycle = visit(dependency);
      if (cycle !== undefined) return cycle;
    }
    stack.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const name of order) {
    const cycle = visit(name);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

/** Why a DAG's tasks cannot be sorted (duplicate name, unknown dependency, cycle), with the task's index. */
export type SortFailure = { index: number; field: 'name' | 'depends' | 'dependencies' | 'dag'; message: string };

/**
 * The tasks' indexes in a dependency order (Argo's TopologicalSorting, with ties kept in manifest order so
 * results are deterministic), or why there is none.
 */
export function sortTasks(tasks: readonly DAGTask[]): number[] | SortFailure {
  const indexByName = new Map<string, number>();
  for (const [index, task] of tasks.entries()) {
    if (indexByName.has(task.name)) return { index, field: 'name', message: `task name '${task.name}' is not unique` };
    indexByName.set(task.name, index);
  }
  const dependencies = tasks.map((task) => [...getTaskDependencies(task).keys()]);
  for (const [index, names] of dependencies.entries()) {
    const unknown = names.find((name) => !indexByName.has(name));
    if (unknown !== undefined) {
      const field = tasks[index]?.depends ? 'depends' : 'dependencies';
      return { index, field, message: `dependency '${unknown}' is not defined` };
    }
  }
  const dependents = new Map<string, number[]>();
  for (const [index, names] of dependencies.entries()) {
    for (const name of names) {
      const list = dependents.get(name);
      // Pushed, not copied: a root with thousands of dependents made copying quadratic.
      if (list) list.push(index);
      else dependents.set(name, [index]);
    }
  }
  const remaining = dependencies.map((names) => names.length);
  const order = tasks.flatMap((_, index) => (remaining[index] === 0 ? [index] : []));
  for (let head = 0; head < order.length; head++) {
    for (const index of dependents.get(tasks[order[head] as number]?.name as string) ?? []) {
      remaining[index] = (remaining[index] ?? 0) - 1;
      if (remaining[index] === 0) order.push(index);
    }
  }
  if (order.length === tasks.length) return order;
  const cycle = findDependencyCycle(tasks.map((task) => task.name), (name) => dependencies[indexByName.get(name) as number] ?? []);
  return { index: 0, field: 'dag', message: `dependency cycle detected: ${cycle ?? 'tasks depend on each other'}` };
}

/** Every task a task transitively depends on (Argo's GetTaskAncestry; order does not matter to validation). */
export function getTaskAncestry(taskName: string, dependenciesOf: (name: string) => readonly string[]): string[] {
  const visited = new Set<string>();
  const ancestry: string[] = [];
  const visit = (name: string) => {
    if (visited.has(name)) return;
    visited.add(name);
    for (const dependency of dependenciesOf(name)) visit(dependency);
    if (name !== taskName) ancestry.push(name);
  };
  visit(taskName);
  return ancestry;
}
