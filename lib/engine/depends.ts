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
  const reader = new PlainDependsReader(source, env);
  try {
    const value = reader.disjunction();
    reader.skipSpaces();
    return reader.plain && reader.at === source.length ? value : undefined;
  } catch (error) {
    // Parentheses nested deeper than the stack allows: the general evaluator decides.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

const isNameStart = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
const isNameChar = (code: number) => isNameStart(code) || (code >= 48 && code <= 57);

// Methods rather than closures: thousands of tasks of a fan-out each evaluate their `depends` once.
class PlainDependsReader {
  at = 0;
  /** Cleared at the first thing outside the plain shape; what is read after that no longer matters. */
  plain = true;

  constructor(private readonly source: string, private readonly env: ValueMap) {}

  skipSpaces(): void {
    while (this.source.charCodeAt(this.at) === 32) this.at++;
  }

  disjunction(): boolean {
    let value = this.conjunction();
    for (;;) {
      this.skipSpaces();
      if (!this.plain || this.source.charCodeAt(this.at) !== 124 || this.source.charCodeAt(this.at + 1) !== 124) return value;
      this.at += 2;
      // Every term is read (not short-circuited), so a malformed one further on is still noticed.
      const next = this.conjunction();
      value = value || next;
    }
  }

  private conjunction(): boolean {
    let value = this.term();
    for (;;) {
      this.skipSpaces();
      if (!this.plain || this.source.charCodeAt(this.at) !== 38 || this.source.charCodeAt(this.at + 1) !== 38) return value;
      this.at += 2;
      const next = this.term();
      value = value && next;
    }
  }

  private term(): boolean {
    this.skipSpaces();
    const source = this.source;
    const code = source.charCodeAt(this.at);
    if (code === 33 /* ! */ && source.charCodeAt(this.at + 1) !== 61 /* = */) {
      this.at++;
      return !this.term();
    }
    if (code === 40 /* ( */) {
      this.at++;
      const value = this.disjunction();
      this.skipSpaces();
      if (source.charCodeAt(this.at) !== 41 /* ) */) this.plain = false;
      this.at++;
      return value;
    }
    if (!isNameStart(code)) return this.notPlain();
    const start = this.at;
    while (isNameChar(source.charCodeAt(this.at))) this.at++;
    const task = source.slice(start, this.at);
    if (source.charCodeAt(this.at) !== 46 /* . */ || reservedWords.has(task) || !Object.hasOwn(this.env, task)) return this.notPlain();
    const resultStart = ++this.at;
    while (isNameChar(source.charCodeAt(this.at))) this.at++;
    const result = source.slice(resultStart, this.at);
    const facts = this.env[task];
    const value = resultNames.has(result) && typeof facts === 'object' && facts !== null && !Array.isArray(facts)
      ? (facts as Record<string, unknown>)[result]
      : undefined;
    return typeof value === 'boolean' ? value : this.notPlain();
  }

  private notPlain(): boolean {
    this.plain = false;
    return false;
  }
}
