import type { ValueMap } from '../expr';
import type { DAGTask, NodeStatus } from '../generated/argo';
import { taskDependencies, evaluateDepends, taskResults, type TaskDependencies } from './depends';
import { continuesOn } from './execute-steps';
import { hasInputs } from './execute-pod';
import { executeTemplate, isQuietPodTemplate, type TemplateContext } from './execute-template';
import { expandLoop, shouldExpand } from './expand-items';
import { NodeError, type Operation } from './operation';
import { isCompleted, isFailedOrError, isNodeFulfilled } from './phases';
import { exitHookOf, runExitHook } from './exit-hooks';
import { runLifecycleHooks } from './lifecycle-hooks';
import { addLoopToScope, addNodeToScope, addSkippedOutputsToScope, markAbsentArguments, type Scope } from './scope';
import { substituteObject } from './substitute';
import { resolveArtifactArguments } from './artifact-arguments';
import { declaresOutputs, succeedWithOutputs } from './template-outputs';
import { TemplateTimeout } from './template-timeouts';
import { derived } from './intern-spec';
import { shouldExecute } from './when';

/** What a DAG's task list implies, worked out once per list (once per spec content, as specs are interned). */
interface DagShape {
  /** The tasks by name: DAGs of thousands of tasks look them up once per dependency. The first of a name wins. */
  tasksByName: Map<string, DAGTask>;
  dependencies: Map<string, TaskDependencies>;
  /** Tasks nothing depends on: the DAG's targets when `target` is not given. */
  leaves: string[];
}

const shapes = new WeakMap<DAGTask[], DagShape>();

function shapeOf(tasks: DAGTask[]): DagShape {
  return derived(shapes, tasks, () => {
    const tasksByName = new Map<string, DAGTask>();
    for (const task of tasks) if (!tasksByName.has(task.name ?? '')) tasksByName.set(task.name ?? '', task);
    const dependencies = new Map<string, TaskDependencies>();
    const byText = new Map<string, TaskDependencies>();
    const taskNamed = (dependency: string) => tasksByName.get(dependency);
    for (const [name, task] of tasksByName) dependencies.set(name, taskDependencies(task, taskNamed, byText));
    const depended = new Set([...dependencies.values()].flatMap((d) => d.dependencies));
    const leaves = tasks.map((t) => t.name ?? '').filter((name) => !depended.has(name));
    return { tasksByName, dependencies, leaves };
  });
}

interface DagState extends DagShape {
  op: Operation;
  context: TemplateContext;
  node: NodeStatus;
  tasks: DAGTask[];
  visited: Set<string>;
  /** Node names by task name: each task's name is asked for several times per reconcile. */
  nodeNames: Map<string, string>;
}

// The node names of a DAG's tasks, by the DAG node's name, kept from one reconcile to the next beside the (interned)
// task list: the same strings come back each time, so looking their node IDs up does not hash new strings.
const nodeNamesByTasks = new WeakMap<DAGTask[], Map<string, Map<string, string>>>();
const maxDagNodesPerTaskList = 16;

function nodeNamesOf(tasks: DAGTask[], dagNodeName: string): Map<string, string> {
  const byDagNode = derived(nodeNamesByTasks, tasks, () => new Map<string, Map<string, string>>());
  let names = byDagNode.get(dagNodeName);
  if (names === undefined) {
    // Many workflows (or loop iterations) may run one spec's DAG: keep the latest few.
    if (byDagNode.size >= maxDagNodesPerTaskList) byDagNode.delete(byDagNode.keys().next().value!);
    byDagNode.set(dagNodeName, (names = new Map()));
  }
  return names;
}

function taskNodeName(state: DagState, taskName: string): string {
  let name = state.nodeNames.get(taskName);
  if (name === undefined) state.nodeNames.set(taskName, (name = `${state.node.name}.${taskName}`));
  return name;
}

// Read only (a DAG of thousands of tasks copies none to walk them): changes go through op.markPhase and the like.
const taskNode = (state: DagState, taskName: string) => state.op.peekNode(taskNodeName(state, taskName));
const noDependencies = { logic: '', dependencies: [] };
const dependenciesOf = (state: DagState, taskName: string) => state.dependencies.get(taskName) ?? noDependencies;

const plainTasks = new WeakMap<DAGTask, boolean>();

/**
 * Whether a task runs as written: no variables to substitute, no loop, no artifact to look up. Most tasks of a
 * big DAG are; they skip building a scope of their dependencies' outputs on every reconcile.
 */
function isPlainTask(task: DAGTask): boolean {
  return derived(plainTasks, task, () => {
    if (shouldExpand(task) || task.arguments?.artifacts?.some((a) => a.from || a.fromExpression)) return false;
    if (task.hooks === undefined) return !JSON.stringify(task).includes('{{');
    const { hooks: _hooks, ...rest } = task;
    return !JSON.stringify(rest).includes('{{');
  });
}

/**
 * A DAG template, as Argo's executeDAG: each target task runs once its dependencies allow it (recursively
 * from the targets), then the DAG's phase follows the branches that reach its targets.
 */
export function executeDag(op: Operation, context: TemplateContext): NodeStatus {
  const { nodeName, template } = context;
  let node = op.peekNode(nodeName);
  if (!node) {
    node = op.initNode(nodeName, 'DAG', { holder: context.holder, templateScope: context.scope.id, boundaryID: context.options.boundaryID, phase: 'Running' });
    if (hasInputs(template)) node.inputs = structuredClone(template.inputs);
  }
  const tasks = template.dag?.tasks ?? [];
  const state: DagState = { ...shapeOf(tasks), op, context, node, tasks, visited: new Set(), nodeNames: nodeNamesOf(tasks, node.name) };
  const targets = template.dag?.target ? template.dag.target.split(' ').filter(Boolean) : state.leaves;
  for (const target of targets) executeDagTask(state, target);

  const phase = assessDagPhase(state, targets, template.dag?.failFast !== false);
  // Tasks may have copied the DAG's node (to add children) since it was read.
  if (phase === 'Running') return op.peekNodeById(node.id)!;
  op.own(node).outboundNodes = targets.flatMap((t) => {
    const n = taskNode(state, t);
    return n ? op.outboundNodes(n.id) : [];
  });
  if (phase !== 'Succeeded') return op.markPhase(nodeName, phase);
  // Only declared outputs read the tasks' outputs: a DAG of thousands of tasks without any builds no scope of them all.
  const scope = declaresOutputs(template) ? buildTaskScope(state, state.tasks.map((t) => t.name ?? '')) : {};
  return succeedWithOutputs(op, node, template, scope);
}

/** Outputs of finished tasks, for `{{tasks.<name>...}}`. */
function buildTaskScope(state: DagState, names: string[]): Scope {
  const scope: Scope = {};
  for (const name of names) {
    const node = taskNode(state, name);
    if (!node) continue;
    if (node.type === 'TaskGroup') {
      const children = (node.children ?? []).map((id) => state.op.peekNodeById(id)).filter((n): n is NodeStatus => !!n);
      addLoopToScope(scope, 'tasks', name, children);
    }
    addNodeToScope(scope, 'tasks', name, state.op.lastAttempt(node));
    const task = state.tasksByName.get(name);
    if (task && (node.phase === 'Skipped' || node.phase === 'Omitted')) {
      try {
        addSkippedOutputsToScope(scope, 'tasks', name, node, state.op.resolveTemplate(task, state.context.scope).template);
      } catch {
        // An unresolvable template fails the task itself; its outputs simply stay unknown here.
      }
    }
  }
  return scope;
}

function executeDagTask(state: DagState, taskName: string): void {
  if (state.visited.has(taskName)) return;
  state.visited.add(taskName);
  const { op, context } = state;
  const task = state.tasksByName.get(taskName);
  if (!task) return;
  const existing = taskNode(state, taskName);
  // The common task of a big DAG: its pod runs, and there is nothing to resolve, expand, hook or watch. It stays as
  // its pod's observations made it (what the steps below would conclude, at a fraction of the cost).
  if (existing && existing.type === 'Pod' && existing.phase === 'Running' && !task.hooks && isPlainTask(task) && isQuietPodTemplate(op, task, context.scope)) return;
  if (existing && (isNodeFulfilled(existing) || existing.phase === 'Running') && task.hooks) {
    const scope = { ...buildTaskScope(state, dependencyClosure(state, taskName)), [`tasks.${taskName}.status`]: existing.phase ?? '' };
    try {
      if (!runLifecycleHooks(op, task.hooks, existing.name, { boundaryID: state.node.id, templateScope: context.scope, scope, ref: { prefix: 'tasks', name: taskName } })) return;
    } catch (error) {
      if (!(error instanceof NodeError)) throw error;
      op.markError(state.node.name, error.message);
      return;
    }
  }
  if (existing && isNodeFulfilled(existing)) {
    runTaskExitHook(state, task, existing);
    return;
  }

  const nodeName = taskNodeName(state, taskName);
  const { logic, dependencies } = dependenciesOf(state, taskName);
  const boundaryID = state.node.id;
  let group = op.peekNode(nodeName);
  if (group && group.type !== 'TaskGroup') group = undefined;

  if (logic && !existing) {
    for (const dependency of dependencies) executeDagTask(state, dependency);
    const results: Record<string, ValueMap> = {};
    for (const dependency of dependencies) {
      const depNode = taskNode(state, dependency);
      if (!depNode || !isNodeFulfilled(depNode)) return;
      // Only a loop's children decide AnySucceeded/AllFailed; a root with thousands of children is not walked per task.
      const children = depNode.type === 'TaskGroup' ? (depNode.children ?? []).map((id) => op.peekNodeById(id)) : [];
      results[dependency] = taskResults(depNode, children);
    }
    let execute: boolean;
    try {
      execute = evaluateDepends(logic, results);
    } catch (error) {
      if (error instanceof NodeError) return failTask(state, task, group, error.message);
      throw error;
    }
    if (!execute) {
      op.initNode(nodeName, 'Skipped', { holder: task, templateScope: context.scope.id, boundaryID, phase: 'Omitted', message: 'omitted: depends condition not met' });
      connectTask(state, dependencies, group, nodeName);
      return;
    }
  }

  let expanded: DAGTask[] = [task];
  // Most tasks of a big DAG run as written; the others get their variables and loops resolved first.
  if (!isPlainTask(task)) {
    try {
      // `{{tasks.name}}` is the task's own name, bound when its template runs: keep it for then.
      const values = { ...op.globalParams, ...buildTaskScope(state, dependencyClosure(state, taskName)), 'tasks.name': '{{tasks.name}}' };
      // Hooks are resolved only when they run, since they may name the task's own outputs.
      const { hooks, ...rest } = resolveArtifactArguments(markAbsentArguments(task, values), values, op.now);
      const resolved: DAGTask = { ...substituteObject(rest, values, op.now, ['tasks', 'steps']), ...(hooks ? { hooks } : {}) };
      expanded = shouldExpand(resolved) ? expandLoop(resolved, values, op.now) : [resolved];
      if (shouldExpand(task)) {
        if (expanded.length === 0) {
          if (!op.peekNode(nodeName)) {
            op.initNode(nodeName, 'Skipped', { holder: task, templateScope: context.scope.id, boundaryID, phase: 'Skipped', message: 'Skipped, empty params' });
            connectTask(state, dependencies, group, nodeName);
          }
          return;
        }
        if (!group) {
          connectTask(state, dependencies, group, nodeName);
          group = op.initNode(nodeName, 'TaskGroup', { holder: task, templateScope: context.scope.id, boundaryID, phase: 'Running' });
        }
      }
    } catch (error) {
      if (error instanceof NodeError) return failTask(state, task, group, error.message);
      throw error;
    }
  }

  for (const item of expanded) {
    const itemName = taskNodeName(state, item.name ?? '');
    if (!op.peekNode(itemName)) {
      connectTask(state, dependencies, group, itemName);
      let proceed: boolean;
      try {
        proceed = shouldExecute(item.when);
      } catch (error) {
        if (!(error instanceof NodeError)) throw error;
        op.initNode(itemName, 'Skipped', { holder: task, templateScope: context.scope.id, boundaryID, phase: 'Error', message: error.message });
        continue;
      }
      if (!proceed) {
        op.initNode(itemName, 'Skipped', { holder: task, templateScope: context.scope.id, boundaryID, phase: 'Skipped', message: `when '${item.when}' evaluated false` });
        continue;
      }
    }
    let itemNode: NodeStatus | undefined;
    try {
      itemNode = executeTemplate(op, itemName, item, context.scope, item.arguments, { boundaryID, onExit: context.options.onExit, callerKind: 'tasks', parentTemplate: context.template });
    } catch (error) {
      // The timed-out node is already Failed with `timeout`; the DAG's assessment takes it from there.
      if (error instanceof TemplateTimeout) return;
      throw error;
    }
    if (!group && itemNode) runTaskExitHook(state, task, itemNode);
  }

  if (group) {
    let phase: 'Succeeded' | 'Failed' | 'Error' = 'Succeeded';
    for (const item of expanded) {
      const n = op.peekNode(taskNodeName(state, item.name ?? ''));
      if (!n || !isNodeFulfilled(n)) return;
      if (isFailedOrError(n.phase)) phase = n.phase as 'Failed' | 'Error';
    }
    op.markPhase(group.name, phase);
  }
}

/** Links a task's node under its dependencies' outbound nodes (under the DAG, or its TaskGroup, when it has none). */
function connectTask(state: DagState, dependencies: readonly string[], group: NodeStatus | undefined, childName: string): void {
  const { op } = state;
  if (dependencies.length === 0 || group) {
    op.addChild(group ? group.name : state.node.name, childName);
    return;
  }
  for (const dependency of dependencies) {
    const depNode = taskNode(state, dependency);
    if (!depNode) continue;
    for (const outboundId of op.outboundNodes(depNode.id)) {
      const outbound = op.peekNodeById(outboundId);
      if (outbound) op.addChild(outbound.name, childName);
    }
  }
}

/** Ends a task that cannot run (bad `depends`, unresolvable variables) in Error, linked like any task. */
function failTask(state: DagState, task: DAGTask, group: NodeStatus | undefined, message: string): void {
  const nodeName = taskNodeName(state, task.name ?? '');
  if (!state.op.peekNode(nodeName)) {
    state.op.initNode(nodeName, 'Skipped', { holder: task, templateScope: state.context.scope.id, boundaryID: state.node.id, phase: 'Error', message });
  }
  connectTask(state, dependenciesOf(state, task.name ?? '').dependencies, group, nodeName);
}

/** Runs a completed task's exit hook; its node hangs under the task, so the DAG waits for it. */
function runTaskExitHook(state: DagState, task: DAGTask, node: NodeStatus): void {
  const hook = exitHookOf(task);
  if (!hook || !isCompleted(node.phase)) return;
  const scope = buildTaskScope(state, [...dependencyClosure(state, task.name ?? ''), task.name ?? '']);
  try {
    runExitHook(state.op, hook, node, state.node.id, state.context.scope, { prefix: 'tasks', name: task.name ?? '' }, scope);
  } catch (error) {
    if (!(error instanceof NodeError)) throw error;
    state.op.markError(node.name, error.message);
  }
}

/** Every task a task depends on, directly or not: the outputs it may reference. */
function dependencyClosure(state: DagState, taskName: string): string[] {
  const seen = new Set<string>();
  const visit = (name: string) => {
    for (const dependency of dependenciesOf(state, name).dependencies) {
      if (seen.has(dependency)) continue;
      seen.add(dependency);
      visit(dependency);
    }
  };
  visit(taskName);
  return [...seen];
}

/**
 * The DAG's phase, as Argo's assessDAGPhase: walk from the roots carrying each branch's phase (a completed node
 * sets it, a skipped or omitted one passes it on); a target reached by a failed branch fails the DAG unless
 * the target task continues on that failure.
 */
function assessDagPhase(state: DagState, targets: string[], failFast: boolean): 'Running' | 'Succeeded' | 'Failed' | 'Error' {
  const { op } = state;
  const targetPhases = new Map<string, string>(targets.map((t) => [op.nodeId(taskNodeName(state, t)), '']));
  const roots = op.peekNodeById(state.node.id)?.children ?? [];
  const queue: { id: string; phase: string }[] = roots.map((id) => ({ id, phase: 'Succeeded' }));
  const seen = new SeenPhases();
  for (let head = 0; head < queue.length; head++) {
    const current = queue[head]!;
    if (!seen.firstVisit(current.id, current.phase)) continue;
    const node = op.peekNodeById(current.id);
    if (!node) return 'Running';
    let branchPhase = current.phase;
    if (!isNodeFulfilled(node)) {
      const groupPhase = completableGroupPhase(op, node);
      if (!groupPhase) return 'Running';
      op.markPhase(node.name, groupPhase);
      branchPhase = groupPhase;
    } else if (isCompleted(node.phase)) branchPhase = node.phase!;
    if (targetPhases.has(node.id) && !isFailedOrError(targetPhases.get(node.id))) targetPhases.set(node.id, branchPhase);
    // A retry's dependents hang under its attempts, not under the Retry node itself.
    const next = node.type === 'Retry'
      ? (node.children ?? []).flatMap((id) => op.peekNodeById(id)?.children ?? [])
      : (node.children ?? []);
    for (const id of next) queue.push({ id, phase: branchPhase });
  }
  let result: 'Running' | 'Succeeded' | 'Failed' | 'Error' = 'Succeeded';
  for (const target of targets) {
    const phase = targetPhases.get(op.nodeId(taskNodeName(state, target))) ?? '';
    if (phase === '') {
      result = 'Running';
      if (!failFast) break;
    } else if (isFailedOrError(phase)) {
      const task = state.tasksByName.get(target);
      if (continuesOn(task, phase)) continue;
      result = phase as 'Failed' | 'Error';
      if (failFast) break;
    }
  }
  return result;
}

/**
 * The branch phases each node was reached with. A node is nearly always reached with one phase only (a fan-in from
 * thousands of tasks reaches its join thousands of times), so that one is kept as it is, without a key built per visit.
 */
class SeenPhases {
  private readonly phases = new Map<string, string | Set<string>>();

  /** Whether `id` had not been reached with `phase` before; it has now. */
  firstVisit(id: string, phase: string): boolean {
    const known = this.phases.get(id);
    if (known === undefined) {
      this.phases.set(id, phase);
      return true;
    }
    if (known === phase) return false;
    if (typeof known === 'string') {
      this.phases.set(id, new Set([known, phase]));
      return true;
    }
    if (known.has(phase)) return false;
    known.add(phase);
    return true;
  }
}

function completableGroupPhase(op: Operation, node: NodeStatus): 'Succeeded' | 'Failed' | 'Error' | undefined {
  if (node.type !== 'TaskGroup' || !node.children?.length) return undefined;
  let phase: 'Succeeded' | 'Failed' | 'Error' = 'Succeeded';
  for (const id of node.children) {
    const child = op.peekNodeById(id);
    if (!child || !isNodeFulfilled(child)) return undefined;
    if (isFailedOrError(child.phase)) phase = child.phase as 'Failed' | 'Error';
  }
  return phase;
}
