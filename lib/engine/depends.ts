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
  const plain = evaluatePlainDepends(source, env);
  if (plain !== undefined) return plain;
  try {
    return evaluateBool(source, env);
  } catch (error) {
    const reason = error instanceof ExpressionError ? error.reason : String(error);
    // A DAG with thousands of dependencies has an expression too long to repeat whole in a node's message.
    const shown = source.length > 240 ? `${source.slice(0, 240)}…` : source;
    throw new NodeError(`unable to evaluate expression '${shown}': ${reason}`);
  }
}

// Words expr-lang reads as operators or literals, never as a task's name.
const reservedWords = new Set(['in', 'or', 'and', 'not', 'matches', 'contains', 'startsWith', 'endsWith', 'let', 'if', 'else', 'true', 'false', 'nil']);
const resultNames = new Set(['Succeeded', 'Failed', 'Errored', 'Skipped', 'Omitted', 'Daemoned', 'AnySucceeded', 'AllFailed']);

/**
 * Expanded `depends` logic of the usual shape — `task.Result` terms joined by `&&`, `||`, `!` and parentheses, every
 * task in `env` — evaluated in one pass, as expr-lang would (`!` binds tightest, then `&&`, then `||`; every term is a
 * boolean, so there is nothing else to check). A fan-in of hundreds of tasks is tens of thousands of characters, which
 * the general evaluator parses, checks and walks once per join. Undefined for anything else: expr-lang's evaluator
 * then answers, and words any error.
 */
export function evaluatePlainDepends(source: string, env: ValueMap): boolean | undefined {
  let at = 0;
  let plain = true;
  const skipSpaces = () => {
    while (source.charCodeAt(at) === 32) at++;
  };
  const isNameStart = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  const isNameChar = (code: number) => isNameStart(code) || (code >= 48 && code <= 57);
  const term = (): boolean => {
    skipSpaces();
    const code = source.charCodeAt(at);
    if (code === 33 /* ! */ && source.charCodeAt(at + 1) !== 61 /* = */) {
      at++;
      return !term();
    }
    if (code === 40 /* ( */) {
      at++;
      const value = disjunction();
      skipSpaces();
      if (source.charCodeAt(at) !== 41 /* ) */) plain = false;
      at++;
      return value;
    }
    if (!isNameStart(code)) {
      plain = false;
      return false;
    }
    const start = at;
    while (isNameChar(source.charCodeAt(at))) at++;
    const task = source.slice(start, at);
    if (source.charCodeAt(at) !== 46 /* . */ || reservedWords.has(task) || !Object.hasOwn(env, task)) {
      plain = false;
      return false;
    }
    const resultStart = ++at;
    while (isNameChar(source.charCodeAt(at))) at++;
    const result = source.slice(resultStart, at);
    const facts = env[task];
    const value = resultNames.has(result) && typeof facts === 'object' && facts !== null && !Array.isArray(facts)
      ? (facts as Record<string, unknown>)[result]
      : undefined;
    if (typeof value !== 'boolean') {
      plain = false;
      return false;
    }
    return value;
  };
  const conjunction = (): boolean => {
    let value = term();
    for (;;) {
      skipSpaces();
      if (!plain || source.charCodeAt(at) !== 38 || source.charCodeAt(at + 1) !== 38) return value;
      at += 2;
      // Every term is read (not short-circuited), so a malformed one further on is still noticed.
      const next = term();
      value = value && next;
    }
  };
  const disjunction = (): boolean => {
    let value = conjunction();
    for (;;) {
      skipSpaces();
      if (!plain || source.charCodeAt(at) !== 124 || source.charCodeAt(at + 1) !== 124) return value;
      at += 2;
      const next = conjunction();
      value = value || next;
    }
  };
  try {
    const value = disjunction();
    skipSpaces();
    return plain && at === source.length ? value : undefined;
  } catch (error) {
    // Parentheses nested deeper than the stack allows: the general evaluator decides.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
