import type { NodeStatus, WorkflowStep } from '../generated/argo';
import { hasInputs } from './execute-pod';
import { executeTemplate, type TemplateContext } from './execute-template';
import { expandLoop, shouldExpand } from './expand-items';
import { NodeError, type Operation } from './operation';
import { isCompleted, isFailedOrError, isFulfilled, isNodeFulfilled } from './phases';
import { exitHookOf, runExitHook } from './exit-hooks';
import { runLifecycleHooks } from './lifecycle-hooks';
import { addLoopToScope, addNodeToScope, addSkippedOutputsToScope, markAbsentArguments, type Scope } from './scope';
import { succeedWithOutputs } from './template-outputs';
import { substituteObject } from './substitute';
import { TemplateTimeout } from './template-timeouts';
import { resolveArtifactArguments } from './artifact-arguments';
import { shouldExecute } from './when';

/**
 * A steps template, as Argo's executeSteps: groups run one after another, the steps of a group in parallel.
 * The first group hangs under the steps node, each later group under the outbound nodes of the one before.
 */
export function executeSteps(op: Operation, context: TemplateContext): NodeStatus {
  const { nodeName, template } = context;
  let node = op.peekNode(nodeName);
  if (!node) {
    node = op.initNode(nodeName, 'Steps', { holder: context.holder, templateScope: context.scope.id, boundaryID: context.options.boundaryID, phase: 'Running' });
    if (hasInputs(template)) node.inputs = structuredClone(template.inputs);
  }
  const scope: Scope = {};
  const groups = template.steps ?? [];
  for (let i = 0; i < groups.length; i++) {
    const groupName = `${nodeName}[${i}]`;
    let group = op.peekNode(groupName);
    if (!group) group = op.initNode(groupName, 'StepGroup', { templateScope: context.scope.id, boundaryID: node.id, phase: 'Running' });
    if (i === 0) op.addChild(nodeName, groupName);
    else {
      const previous = op.peekNode(`${nodeName}[${i - 1}]`)!;
      if (!previous.children?.length) op.addChild(previous.name, groupName);
      for (const childId of previous.children ?? []) {
        for (const outboundId of op.outboundNodes(childId)) {
          const outbound = op.peekNodeById(outboundId);
          if (outbound) op.addChild(outbound.name, groupName);
        }
      }
    }
    group = executeStepGroup(op, context, groups[i] ?? [], groupName, node.id, scope);
    // Groups may have copied the steps node (to add children) since it was read.
    if (!isFulfilled(group.phase)) return op.peekNodeById(node.id)!;
    if (isFailedOrError(group.phase)) {
      updateOutboundNodes(op, nodeName, groups.length);
      return op.markPhase(nodeName, 'Failed', group.message);
    }
    for (const step of groups[i] ?? []) addStepToScope(op, context, scope, groupName, step, node.id);
  }
  updateOutboundNodes(op, nodeName, groups.length);
  return succeedWithOutputs(op, node, template, scope);
}

function addStepToScope(op: Operation, context: TemplateContext, scope: Scope, groupName: string, step: WorkflowStep, boundaryID: string): void {
  const childName = `${groupName}.${step.name}`;
  const child = op.peekNode(childName);
  if (child) {
    addNodeToScope(scope, 'steps', step.name ?? '', op.lastAttempt(child));
    addSkippedOutputsToScope(scope, 'steps', step.name ?? '', child, templateOf(op, context, step));
    return;
  }
  const expanded = op.nodeList.filter(
    (n) => n.boundaryID === boundaryID && n.name.startsWith(`${childName}(`) && n.type !== 'Skipped',
  );
  if (expanded.length) addLoopToScope(scope, 'steps', step.name ?? '', expanded);
}

/** The template a step calls, when it can be found (for the outputs a skipped step would have had). */
export function templateOf(op: Operation, context: TemplateContext, holder: WorkflowStep) {
  try {
    return op.resolveTemplate(holder, context.scope).template;
  } catch {
    return undefined;
  }
}

function updateOutboundNodes(op: Operation, nodeName: string, groupCount: number): void {
  for (let i = groupCount - 1; i >= 0; i--) {
    const group = op.peekNode(`${nodeName}[${i}]`);
    if (!group) continue;
    const node = op.getNode(nodeName)!;
    node.outboundNodes = (group.children ?? []).flatMap((id) => op.outboundNodes(id));
    return;
  }
}

function executeStepGroup(
  op: Operation,
  context: TemplateContext,
  steps: WorkflowStep[],
  groupName: string,
  boundaryID: string,
  scope: Scope,
): NodeStatus {
  const current = op.peekNode(groupName)!;
  if (isFulfilled(current.phase) && op.childrenFulfilled(current)) return current;
  // This reconcile's own copy: the children it adds below are read back from it.
  const group = op.own(current);
  // `{{steps.name}}` is the called step's own name, bound when its template runs: keep it for then.
  const values = { ...op.globalParams, ...scope, 'steps.name': '{{steps.name}}' };
  const stepsToRun: WorkflowStep[] = [];
  try {
    for (const original of steps) {
      // Outputs of earlier groups must resolve now; `{{item}}` waits for the loop expansion. Hooks are resolved
      // only when they run, since they may name the step's own outputs.
      const { hooks, ...rest } = resolveArtifactArguments(markAbsentArguments(original, scope), values, op.now);
      const step: WorkflowStep = { ...substituteObject(rest, values, op.now, ['steps', 'tasks']), ...(hooks ? { hooks } : {}) };
      if (!shouldExpand(step)) {
        stepsToRun.push(step);
        continue;
      }
      const expanded = expandLoop(step, values, op.now);
      if (expanded.length === 0) {
        const childName = `${groupName}.${step.name}`;
        if (!op.peekNode(childName)) {
          op.initNode(childName, 'Skipped', { holder: step, templateScope: context.scope.id, boundaryID, phase: 'Skipped', message: 'Skipped, empty params' });
          op.addChild(groupName, childName);
        }
      }
      stepsToRun.push(...expanded);
    }
  } catch (error) {
    if (error instanceof NodeError) return op.markError(groupName, error.message);
    throw error;
  }

  for (const step of stepsToRun) {
    const childName = `${groupName}.${step.name}`;
    let proceed: boolean;
    try {
      proceed = shouldExecute(step.when);
    } catch (error) {
      if (!(error instanceof NodeError)) throw error;
      if (!op.peekNode(childName)) op.initNode(childName, 'Skipped', { holder: step, templateScope: context.scope.id, boundaryID, phase: 'Error', message: error.message });
      op.addChild(groupName, childName);
      return op.markError(groupName, error.message);
    }
    if (!proceed) {
      if (!op.peekNode(childName)) {
        op.initNode(childName, 'Skipped', { holder: step, templateScope: context.scope.id, boundaryID, phase: 'Skipped', message: `when '${step.when}' evaluated false` });
        op.addChild(groupName, childName);
      }
      continue;
    }
    let child: NodeStatus | undefined;
    try {
      child = executeTemplate(op, childName, step, context.scope, step.arguments, { boundaryID, onExit: context.options.onExit, callerKind: 'steps', parentTemplate: context.template });
    } catch (error) {
      if (error instanceof TemplateTimeout) return op.markPhase(groupName, 'Failed', error.message);
      throw error;
    }
    if (child) op.addChild(groupName, childName);
  }

  // Read only: a group of thousands of steps copies none of them to decide whether they are done.
  const children = (group.children ?? []).map((id) => op.peekNodeById(id)).filter((n): n is NodeStatus => !!n);
  for (const child of children) {
    const step = stepsToRun.find((s) => `${groupName}.${s.name}` === child.name);
    if (!step?.hooks) continue;
    const hookScope: Scope = { ...scope, [`steps.${step.name}.status`]: child.phase ?? '' };
    try {
      if (!runLifecycleHooks(op, step.hooks, child.name, { boundaryID, templateScope: context.scope, scope: hookScope, ref: { prefix: 'steps', name: step.name ?? '' } })) return group;
    } catch (error) {
      if (error instanceof NodeError) return op.markError(groupName, error.message);
      throw error;
    }
  }
  if (children.some((child) => !isNodeFulfilled(child))) return group;
  let hooksDone = true;
  for (const child of children) {
    const step = stepsToRun.find((s) => `${groupName}.${s.name}` === child.name);
    if (!step || !isCompleted(child.phase)) continue;
    const hookScope: Scope = { ...scope };
    addNodeToScope(hookScope, 'steps', step.name ?? '', op.lastAttempt(child));
    try {
      if (runExitHook(op, exitHookOf(step), child, boundaryID, context.scope, { prefix: 'steps', name: step.name ?? '' }, hookScope) === 'running') hooksDone = false;
    } catch (error) {
      if (error instanceof NodeError) return op.markError(groupName, error.message);
      throw error;
    }
  }
  if (!hooksDone) return group;
  for (const child of children) {
    const step = stepsToRun.find((s) => `${groupName}.${s.name}` === child.name);
    if (isFailedOrError(child.phase) && !continuesOn(step, child.phase)) {
      return op.markPhase(groupName, 'Failed', `child '${child.id}' failed`);
    }
  }
  return op.markPhase(groupName, 'Succeeded');
}

/** Whether a step or task is marked to let its parent carry on after it fails or errors. */
export function continuesOn(step: { continueOn?: { failed?: boolean; error?: boolean } } | undefined, phase: string | undefined): boolean {
  if (!step?.continueOn) return false;
  return (phase === 'Failed' && step.continueOn.failed === true) || (phase === 'Error' && step.continueOn.error === true);
}
