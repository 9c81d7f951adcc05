import { evaluateBool, ExpressionError, type ValueMap } from '../expr';
import type { DAGTask, NodeStatus } from '../generated/argo';
import { NodeError } from './operation';

// `task.Result` references, and bare task names (which expand to "finished fine").
const taskReference = /([a-zA-Z0-9][-a-zA-Z0-9]*?\.[A-Z][a-zA-Z]+)|([a-zA-Z0-9][-a-zA-Z0-9]*)/g;

export interface TaskDependencies {
  logic: string;
  dependencies: readonly string[];
}

/**
 * A task's `depends` logic with bare names expanded, and the tasks it depends on, as Argo's GetTaskDependencies.
 * `known` caches results by `depends` text for one task list: thousands of tasks often share one text. A text
 * naming a task that continues on failure expands differently per list, so it is still cached per list only.
 */
export function taskDependencies(task: DAGTask, taskNamed: (name: string) => DAGTask | undefined, known?: Map<string, TaskDependencies>): TaskDependencies {
  if (known === undefined || !task.depends) return readTaskDependencies(task, taskNamed);
  let found = known.get(task.depends);
  if (found === undefined) known.set(task.depends, (found = readTaskDependencies(task, taskNamed)));
  return found;
}

function readTaskDependencies(task: DAGTask, taskNamed: (name: string) => DAGTask | undefined): TaskDependencies {
  const expand = (name: string): string => {
    const dependency = taskNamed(name);
    const results = ['Succeeded', 'Skipped', 'Daemoned'];
    if (dependency?.continueOn?.error) results.push('Errored');
    if (dependency?.continueOn?.failed) results.push('Failed');
    return `(${results.map((r) => `${name}.${r}`).join(' || ')})`;
  };
  const source = task.depends ? task.depends : (task.dependencies ?? []).map(expand).join(' && ');
  const dependencies = new Set<string>();
  const logic = source.replace(taskReference, (match, withResult: string | undefined, bare: string | undefined) => {
    if (withResult) {
      dependencies.add(withResult.split('.')[0]!);
      return match;
    }
    dependencies.add(bare!);
    return task.depends ? expand(bare!) : match;
  });
  return { logic, dependencies: [...dependencies] };
}

/** The facts a `depends` expression can test about one finished dependency. */
export function taskResults(node: NodeStatus, children: (NodeStatus | undefined)[]): ValueMap {
  let anySucceeded = false;
  let allFailed = false;
  if (node.type === 'TaskGroup') {
    allFailed = children.length > 0;
    for (const child of children) {
      anySucceeded ||= child?.phase === 'Succeeded';
      allFailed &&= child?.phase === 'Failed';
    }
  }
  return {
    Succeeded: node.phase === 'Succeeded',
    Failed: node.phase === 'Failed',
    Errored: node.phase === 'Error',
    Skipped: node.phase === 'Skipped',
    Omitted: node.phase === 'Omitted',
    Daemoned: node.daemoned === true && node.phase !== 'Pending',
    AnySucceeded: anySucceeded,
    AllFailed: allFailed,
  };
}

/** Evaluates expanded `depends` logic; task names have `-` replaced by `_`, as in Argo. */
export function evaluateDepends(logic: string, results: Record<string, ValueMap>): boolean {
  const env: ValueMap = {};
  for (const [name, value] of Object.entries(results)) env[name.replaceAll('-', '_')] = value;
  const source = logic.replaceAll('-', '_');
  try {
    return evaluateBool(source, env);
  } catch (error) {
    const reason = error instanceof ExpressionError ? error.reason : String(error);
    // A DAG with thousands of dependencies has an expression too long to repeat whole in a node's message.
    const shown = source.length > 240 ? `${source.slice(0, 240)}…` : source;
    throw new NodeError(`unable to evaluate expression '${shown}': ${reason}`);
  }
}
