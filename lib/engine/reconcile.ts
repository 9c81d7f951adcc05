import type { LifecycleHook, NodeStatus, Workflow, WorkflowSpec, WorkflowStatus } from '../generated/argo';
import { toKubeTime } from '../k8s/object';
import { applyGlobalOutputs } from './global-outputs';
import { applyPodObservations } from './apply-pod-observations';
import { executeTemplate } from './execute-template';
import { toGlobalParams } from './global-params';
import { mergeWorkflowSpec } from './merge-spec';
import { orderNodeFields } from './node-order';
import { isSealed, sealNode } from './sealed-nodes';
import { countActivePods } from './parallelism';
import { runLifecycleHooks } from './lifecycle-hooks';
import { killDaemonedChildren } from './daemons';
import { memoCacheSaves } from './memoization';
import { NodeError, Operation } from './operation';
import { isCompleted, isFailedOrError, isFulfilled } from './phases';
import { updateProgress } from './progress';
import { findStartProblem } from './validate-on-start';
import { internSpec } from './intern-spec';
import { cloneJson } from './clone-json';
import { isSameJson } from './same-json';
import { releaseFinishedLocks, waitForWorkflowLocks } from './synchronization';
import { executeUnlessTimedOut } from './template-timeouts';
import { shutdownOf, stopRunningNodes } from './shutdown';
import type { EngineInput, EngineOutput, Nodes } from './types';

/**
 * One deterministic step of a workflow: from its spec, status, the observed pods and `now`, the next status and
 * the actions to take (create or delete pods, come back later). Calling it again with the same input gives the
 * same output; calling it with the output's status and newer observations moves the workflow on.
 */
export function reconcileWorkflow(input: EngineInput): EngineOutput {
  const workflow = input.workflow;
  const before = workflow.status ?? {};
  if (isCompleted(before.phase)) return { status: cloneJson(before), actions: [], changed: false };
  const { status, nodeList: copiedNodes } = copyStatus(before);

  const failWorkflow = (message: string, phase: 'Failed' | 'Error' = 'Failed'): EngineOutput => {
    status.phase = phase;
    status.message = message;
    status.startedAt ??= toKubeTime(input.now);
    status.finishedAt = toKubeTime(input.now);
    return { status, actions: [], changed: true };
  };

  // A workflow that cannot run fails before it starts, as Argo's controller validates it (`invalid spec: …`).
  if (!status.phase) {
    const problem = findStartProblem(workflow, input.resolveTemplateRef);
    if (problem) return failWorkflow(problem);
  }

  // Interned per workflow: its spec is compared with the one it had last time rather than serialised again.
  const owner = workflow.metadata.uid || `${workflow.metadata.namespace ?? ''}/${workflow.metadata.name ?? ''}`;
  let spec: WorkflowSpec = internSpec(workflow.spec ?? {}, owner);
  if (spec.workflowTemplateRef) {
    const ref = spec.workflowTemplateRef;
    const stored = status.storedWorkflowTemplateSpec ?? input.resolveTemplateRef?.(ref.name ?? '', ref.clusterScope === true);
    if (!stored) {
      const kind = ref.clusterScope ? 'clusterworkflowtemplates' : 'workflowtemplates';
      return failWorkflow(`${kind}.argoproj.io "${ref.name}" not found`, 'Error');
    }
    // As Argo's setStoredWfSpec: what is stored is the workflow's own spec joined over the template's, so the
    // submitted arguments (`argo submit --from ... -p`) are what `argo get` shows under Parameters.
    status.storedWorkflowTemplateSpec = status.storedWorkflowTemplateSpec ?? mergeWorkflowSpec(stored, spec);
    spec = internSpec(mergeWorkflowSpec(status.storedWorkflowTemplateSpec, spec), `${owner} merged`);
  }
  if (!spec.entrypoint) return failWorkflow('invalid spec: spec.entrypoint is required', 'Error');

  // `status` is already a copy: its nodes are this reconcile's to change.
  const nodes = status.nodes ?? {};
  const op = new Operation(input, spec, nodes, status, copiedNodes);
  if (spec.synchronization && input.locks && !spec.shutdown) {
    let waiting: string | undefined;
    try {
      waiting = waitForWorkflowLocks(op, spec.synchronization);
    } catch (error) {
      if (error instanceof NodeError) return failWorkflow(`Failed to acquire the synchronization lock. ${error.message}`);
      throw error;
    }
    if (waiting !== undefined) {
      // Argo keeps a queued workflow Pending, saying which lock it waits for.
      status.phase ||= 'Pending';
      status.message = waiting;
      return { status: orderStatus(status), actions: [], changed: !isSameJson(status, before) };
    }
    if (status.phase === 'Pending') delete status.message;
  }
  if (!status.phase || status.phase === 'Pending') {
    status.phase = 'Running';
    status.startedAt = op.nowText;
  }
  Object.assign(op.globalParams, toGlobalParams(workflow, spec, status.startedAt, op.now));
  applyPodObservations(op);
  applyGlobalOutputs(op, status);
  op.shutdown = shutdownOf(op, status.startedAt);
  if (op.shutdown) stopRunningNodes(op, op.shutdown);
  op.activePods = countActivePods(op);

  // A suspended workflow keeps what runs, starts nothing new, and waits for resume; shutdown overrides it.
  if (!spec.suspend || op.shutdown) runWorkflow(op, spec, status);
  applyGlobalOutputs(op, status);

  if (isCompleted(status.phase)) killDaemonedChildren(op);
  emitWorkflowMetrics(op, spec, workflow.status?.phase, status);
  for (const save of memoCacheSaves(workflow.status?.nodes ?? {}, op.nodeList)) op.actions.push({ type: 'saveMemoCache', ...save });
  releaseFinishedLocks(op, status, isCompleted(status.phase));
  status.progress = updateProgress(op);
  // The nodes this reconcile wrote get Argo's field order and are sealed: shared from now on, never changed again.
  const nodeList = op.nodeList;
  for (let index = 0; index < nodeList.length; index++) {
    const node = nodeList[index]!;
    if (isSealed(node)) continue;
    const owned = op.owned.has(node);
    let ordered = orderNodeFields(node);
    // A node given out of order is copied whole before it is sealed: what it holds is the caller's.
    if (ordered !== node && !owned) ordered = cloneJson(ordered);
    if (ordered !== node) {
      nodeList[index] = ordered;
      nodes[ordered.id] = ordered;
    }
    if (ordered !== node || owned) sealNode(ordered);
  }
  status.nodes = nodes;
  status.conditions = conditionsOf(status.phase, nodeList);
  if (op.requeueAfter !== undefined && !isCompleted(status.phase)) op.actions.push({ type: 'requeue', afterSeconds: op.requeueAfter });
  const changed = copiedNodes === undefined ? !isSameJson(status, before) : hasChanged(status, before, op);
  return { status: orderStatus(status), actions: op.actions, changed };
}

/**
 * A copy of the status, this reconcile's to change, and its nodes as a list, made in one pass over them: listing the
 * keys of an object of thousands of nodes again costs a sort. The nodes themselves are the input's, shared until one
 * is changed (Operation copies it then). No list when a node is not under its own ID.
 */
function copyStatus(before: WorkflowStatus): { status: WorkflowStatus; nodeList: NodeStatus[] | undefined } {
  const { nodes, ...rest } = before;
  if (typeof nodes !== 'object' || nodes === null) return { status: cloneJson(before), nodeList: undefined };
  const status: WorkflowStatus = cloneJson(rest);
  const shared: Nodes = {};
  const nodeList: NodeStatus[] = [];
  let keyedById = true;
  for (const id in nodes) {
    const node = nodes[id];
    if (node === undefined) continue;
    shared[id] = node;
    nodeList.push(node);
    if (node === null || typeof node !== 'object' || node.id !== id) keyedById = false;
  }
  status.nodes = shared;
  return { status, nodeList: keyedById ? nodeList : undefined };
}

/**
 * Whether the status differs from the input's, as isSameJson would say, without walking every node: a node this
 * reconcile did not write is the input's own object, so only the nodes it wrote (or added) are compared.
 */
function hasChanged(status: WorkflowStatus, before: WorkflowStatus, op: Operation): boolean {
  if (!isSameJson({ ...status, nodes: undefined }, { ...before, nodes: undefined })) return true;
  if (op.nodeList.length !== op.inputNodeCount) return true;
  const beforeNodes = before.nodes ?? {};
  for (const node of op.owned) if (!isSameJson(status.nodes?.[node.id], beforeNodes[node.id])) return true;
  return false;
}

function runWorkflow(op: Operation, spec: WorkflowSpec, status: WorkflowStatus): void {
  const root = executeUnlessTimedOut(() => executeTemplate(op, op.name, { template: spec.entrypoint }, op.localScope, spec.arguments, {}));
  if (spec.hooks && root) {
    let hooksDone: boolean;
    try {
      hooksDone = runLifecycleHooks(op, spec.hooks as Record<string, LifecycleHook>, op.name, {
        templateScope: op.localScope, scope: { 'workflow.status': status.phase ?? '' },
      });
    } catch (error) {
      if (!(error instanceof NodeError)) throw error;
      op.markError(op.name, error.message);
      hooksDone = true;
    }
    if (!hooksDone) return;
  }
  if (!root || !isFulfilled(root.phase)) return;

  let onExit: NodeStatus | undefined;
  if (spec.onExit && (!op.shutdown || op.shutdown.runExitHandlers)) {
    op.globalParams['workflow.status'] = workflowPhaseOf(root.phase);
    op.globalParams['workflow.failures'] = JSON.stringify(failuresOf(op));
    onExit = executeUnlessTimedOut(() => executeTemplate(op, `${op.name}.onExit`, { template: spec.onExit }, op.localScope, spec.arguments, { onExit: true }));
    if (!onExit || !isFulfilled(onExit.phase)) return;
  }

  status.finishedAt = op.nowText;
  if (root.phase === 'Succeeded' || root.phase === 'Skipped') {
    if (onExit && isFailedOrError(onExit.phase)) {
      status.phase = onExit.phase === 'Failed' ? 'Failed' : 'Error';
      if (onExit.message) status.message = onExit.message;
    } else status.phase = 'Succeeded';
    return;
  }
  status.phase = root.phase === 'Error' ? 'Error' : 'Failed';
  const message = op.shutdown?.message ?? root.message;
  if (message) status.message = message;
}

/** Workflow-level metrics: realtime gauges when it starts, all of them when it ends (with `workflow.status`). */
function emitWorkflowMetrics(op: Operation, spec: WorkflowSpec, phaseBefore: string | undefined, status: WorkflowStatus): void {
  const metrics = spec.metrics?.prometheus;
  if (!metrics?.length) return;
  if (!phaseBefore || phaseBefore === 'Pending') op.emitMetrics('workflow/start', metrics, undefined, true);
  if (isCompleted(status.phase) && !isCompleted(phaseBefore)) {
    const extra: Record<string, string> = { 'workflow.status': status.phase ?? '' };
    if (status.startedAt && status.finishedAt) extra['workflow.duration'] = String((Date.parse(status.finishedAt) - Date.parse(status.startedAt)) / 1000);
    op.emitMetrics('workflow/final', metrics, op.peekNode(op.name), false, extra);
  }
}

function workflowPhaseOf(nodePhase: string | undefined): string {
  return nodePhase === 'Skipped' || nodePhase === 'Omitted' ? 'Succeeded' : (nodePhase ?? '');
}

/** `{{workflow.failures}}`: the failed pods, as Argo lists them for exit handlers. */
function failuresOf(op: Operation) {
  return op.nodeList
    .filter((n) => isFailedOrError(n.phase) && n.type === 'Pod')
    .map((n) => ({
      displayName: n.displayName,
      message: n.message ?? '',
      templateName: n.templateName ?? '',
      phase: n.phase,
      podName: n.id,
      finishedAt: n.finishedAt ?? '',
    }));
}

function conditionsOf(phase: WorkflowStatus['phase'], nodeList: readonly NodeStatus[]): WorkflowStatus['conditions'] {
  const running = nodeList.some((n) => n.type === 'Pod' && n.phase === 'Running');
  const conditions = [{ type: 'PodRunning', status: running ? 'True' : 'False' }];
  if (isCompleted(phase)) conditions.push({ type: 'Completed', status: 'True' });
  return conditions;
}

// The field order argo-server's JSON has, for readable diffs against Argo.
const statusOrder = ['phase', 'startedAt', 'finishedAt', 'estimatedDuration', 'progress', 'message', 'nodes', 'storedTemplates',
  'persistentVolumeClaims', 'outputs', 'conditions', 'resourcesDuration', 'storedWorkflowTemplateSpec', 'artifactRepositoryRef'];

function orderStatus(status: WorkflowStatus): WorkflowStatus {
  const ordered: Record<string, unknown> = {};
  const source = status as unknown as Record<string, unknown>;
  for (const key of statusOrder) if (source[key] !== undefined) ordered[key] = source[key];
  for (const [key, value] of Object.entries(source)) if (!(key in ordered) && value !== undefined) ordered[key] = value;
  return ordered as WorkflowStatus;
}

export type { Workflow };
