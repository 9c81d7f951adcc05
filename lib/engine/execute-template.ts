import type { Arguments, MemoizationStatus, NodeStatus, Template } from '../generated/argo';
import { lookUpMemoCache } from './memoization';
import { addContainerNodes } from './container-set';
import { executeDag } from './execute-dag';
import { executePod } from './execute-pod';
import { executeSteps } from './execute-steps';
import { executeSuspend } from './execute-suspend';
import { executeHttp } from './execute-task';
import { toPodName } from './node-names';
import { NodeError, type Operation, type TemplateHolder, type TemplateScope } from './operation';
import { isFulfilled } from './phases';
import { parallelismReached } from './parallelism';
import { isConstantTemplate, processArgs } from './process-args';
import { processRetries } from './retry';
import { killDaemonedChildren } from './daemons';
import { substituteObject } from './substitute';
import { waitForTemplateLocks } from './synchronization';
import { checkTemplateTimeouts } from './template-timeouts';
import { isPodTemplate, templateType } from './template-type';
import { derived } from './intern-spec';

export interface ExecuteOptions {
  boundaryID?: string;
  /** Part of an exit handler: keeps running after the workflow was stopped. */
  onExit?: boolean;
  /** `steps.name` or `tasks.name` for `{{steps.name}}`-style self references. */
  callerKind?: 'steps' | 'tasks';
  /** The steps or DAG template calling this one: whether it reads the pod's `outputs.result`. */
  parentTemplate?: Template;
}

/**
 * Runs (or continues) the template a holder refers to as the node `nodeName`, as Argo's executeTemplate:
 * resolve, apply arguments, short-cut finished nodes, wait for parallelism, wrap in a Retry node when asked,
 * then dispatch by type. Undefined when the node could not be created yet (parallelism reached). Throws
 * TemplateTimeout when the node stayed Pending past its timeout, for the caller to fail itself as Argo does.
 */
export function executeTemplate(
  op: Operation,
  nodeName: string,
  holder: TemplateHolder,
  scope: TemplateScope,
  args: Arguments | undefined,
  options: ExecuteOptions,
): NodeStatus | undefined {
  // Read only until something is written (a big DAG's running pods are looked at, not copied, on every reconcile).
  let node = op.peekNode(nodeName);
  // errorNode, not a closure: the server runs under tsx, whose keepNames makes each closure made per task a call.
  if (node && isFulfilled(node.phase)) {
    // A node that ended in this reconcile (its pod was just observed) emits its template's metrics once.
    if (op.justFulfilled(node)) {
      const metrics = templateMetrics(op, holder, scope, args, nodeName);
      if (metrics) op.emitMetrics(`${node.id}/final`, metrics, node, false);
    }
    return node;
  }
  // A running pod whose template has nothing to apply or watch is as applyPodObservations left it: a big DAG's
  // thousands of running pods are each looked at once, not taken through every step below, on every reconcile.
  if (node && node.type === 'Pod' && node.phase === 'Running' && isQuietPodTemplate(op, holder, scope)) return node;

  let resolved: { template: Template; scope: TemplateScope };
  let processed: Template;
  try {
    resolved = op.resolveTemplate(holder, scope);
    processed = resolved.template;
    // A template with nothing to substitute needs no local variables (hashing a pod name for each of thousands).
    if (!isConstantTemplate(processed)) {
      const locals: Record<string, string> = { 'node.name': nodeName };
      if (isPodTemplate(processed) && !processed.retryStrategy) locals['pod.name'] = toPodName(op.name, nodeName, processed.name ?? '');
      if (options.callerKind && holder.name) locals[`${options.callerKind}.name`] = holder.name;
      processed = processArgs(processed, args, op.globalParams, locals, op.now);
    }
  } catch (error) {
    if (error instanceof NodeError) return errorNode(op, nodeName, holder, scope, options, error.message);
    throw error;
  }

  try {
    checkTemplateTimeouts(op, processed, node);
  } catch (error) {
    if (error instanceof NodeError) return errorNode(op, nodeName, holder, scope, options, error.message);
    throw error;
  }

  // A template over its workflow's or caller's parallelism waits; a node not created yet is simply not there.
  if (parallelismReached(op, processed, node, options.boundaryID)) return node;

  try {
    const waiting = waitForTemplateLocks(op, processed, nodeName, node, { holder, scope: resolved.scope, boundaryID: options.boundaryID });
    if (waiting) return waiting;
  } catch (error) {
    if (error instanceof NodeError) return errorNode(op, nodeName, holder, scope, options, error.message);
    throw error;
  }
  node = op.peekNode(nodeName);

  // A memoized template whose node is about to be created first asks its cache; a hit ends here, Succeeded.
  let memoization: MemoizationStatus | undefined;
  if (processed.memoize && !node) {
    try {
      const looked = lookUpMemoCache(op, { nodeName, holder, scope: resolved.scope, template: processed, options });
      if ('hit' in looked) return looked.hit;
      memoization = looked.miss;
    } catch (error) {
      if (error instanceof NodeError) return errorNode(op, nodeName, holder, scope, options, error.message);
      throw error;
    }
  }
  const outerNodeName = nodeName;

  const retryStrategy = processed.retryStrategy;
  let retryNodeName: string | undefined;
  if (retryStrategy) {
    retryNodeName = nodeName;
    const retryNode =
      node ?? op.initNode(nodeName, 'Retry', { holder, templateScope: resolved.scope.id, boundaryID: options.boundaryID, phase: 'Running' });
    const next = processRetries(op, retryNode, retryStrategy);
    const metrics = processed.metrics?.prometheus;
    if (next.done) {
      const decided = op.peekNode(nodeName) ?? retryNode;
      if (metrics?.length && op.justFulfilled(decided)) op.emitMetrics(`${decided.id}/final`, metrics, decided, false);
      return decided;
    }
    // An attempt that just ended while the retries go on emits the template's metrics too (Argo does the same).
    if (metrics?.length && next.lastAttempt && op.justFulfilled(next.lastAttempt)) {
      op.emitMetrics(`${next.lastAttempt.id}/final`, metrics, next.lastAttempt, false);
    }
    nodeName = next.attemptName;
    op.addChild(retryNodeName, nodeName);
    node = op.peekNode(nodeName);
    const locals: Record<string, string> = { retries: String(next.attempt) };
    if (isPodTemplate(processed)) locals['pod.name'] = toPodName(op.name, nodeName, processed.name ?? '');
    if (next.lastAttempt) {
      locals['lastRetry.exitCode'] = next.lastAttempt.outputs?.exitCode ?? '0';
      locals['lastRetry.status'] = next.lastAttempt.phase ?? '';
      locals['lastRetry.message'] = next.lastAttempt.message ?? '';
    }
    try {
      processed = substituteObject(processed, { ...op.globalParams, ...locals }, op.now);
    } catch (error) {
      if (error instanceof NodeError) return errorNode(op, nodeName, holder, scope, options, error.message);
      throw error;
    }
  }

  const type = templateType(processed);
  const attemptHolder = { ...holder };
  const context = { nodeName, holder: attemptHolder, scope: resolved.scope, template: processed, options };
  try {
    switch (type) {
      case 'container':
      case 'script':
      case 'resource':
      case 'data':
        node = executePod(op, context);
        break;
      case 'containerSet':
        node = executePod(op, context);
        if (node.phase === 'Pending' || node.phase === 'Running') addContainerNodes(op, context, node);
        break;
      case 'steps':
        node = executeSteps(op, context);
        break;
      case 'dag':
        node = executeDag(op, context);
        break;
      case 'suspend':
        node = executeSuspend(op, context);
        break;
      case 'http':
        node = executeHttp(op, context);
        break;
      case 'plugin':
        throw new NodeError(`plugin templates need an executor plugin, and none is configured: Capstan does not run executor plugins (template '${processed.name}')`);
      default:
        throw new NodeError(`Template '${processed.name}' missing specification`);
    }
  } catch (error) {
    if (!(error instanceof NodeError)) throw error;
    node = op.getNode(nodeName)
      ? op.markError(nodeName, error.message)
      : op.initNode(nodeName, 'Skipped', { holder, templateScope: resolved.scope.id, boundaryID: options.boundaryID, phase: 'Error', message: error.message });
  }

  if ((type === 'steps' || type === 'dag') && isFulfilled(node.phase)) killDaemonedChildren(op, node.id);
  const outer = memoization && op.getNode(outerNodeName);
  if (outer && !outer.memoizationStatus) outer.memoizationStatus = memoization;

  if (retryNodeName) {
    const retryNode = op.peekNode(retryNodeName)!;
    // A finished attempt decides the retry node right away instead of on the next reconcile.
    if (!isFulfilled(retryNode.phase) && isFulfilled(node.phase)) {
      return executeTemplate(op, retryNodeName, holder, scope, args, options);
    }
    node = retryNode;
  }
  if (processed.metrics?.prometheus?.length) {
    // Realtime gauges start with the node; every metric is emitted when it ends (Argo's executeTemplate).
    if (!op.existedBefore(node.id)) op.emitMetrics(`${node.id}/start`, processed.metrics.prometheus, node, true);
    if (op.justFulfilled(node)) op.emitMetrics(`${node.id}/final`, processed.metrics.prometheus, node, false);
  }
  return node;
}

const quietPodTemplates = new WeakMap<Template, boolean>();

/**
 * Whether the template a holder names, once its pod runs, needs nothing more from executeTemplate until the pod ends:
 * a pod template (not a containerSet, whose containers are tracked) with no variables to substitute, no timeout,
 * synchronization, retries, memoization or metrics. Its node then stays as its pod's observations make it.
 */
export function isQuietPodTemplate(op: Operation, holder: TemplateHolder, scope: TemplateScope): boolean {
  if (holder.inline || holder.templateRef || holder.template === undefined) return false;
  let template: Template;
  try {
    template = op.resolveTemplate(holder, scope).template;
  } catch {
    return false;
  }
  return derived(quietPodTemplates, template, (t) => {
    const type = templateType(t);
    return (type === 'container' || type === 'script' || type === 'resource' || type === 'data') && isConstantTemplate(t) &&
      !t.timeout && !t.pendingTimeout && !t.synchronization && !t.retryStrategy && !t.memoize && !t.metrics?.prometheus?.length;
  });
}

/** Marks a node Error, creating it (as a Skipped node, as Argo's initializeNode on errors) when it does not exist. */
function errorNode(op: Operation, nodeName: string, holder: TemplateHolder, scope: TemplateScope, options: ExecuteOptions, message: string): NodeStatus {
  if (op.getNode(nodeName)) return op.markError(nodeName, message);
  return op.initNode(nodeName, 'Skipped', { holder, templateScope: scope.id, boundaryID: options.boundaryID, phase: 'Error', message });
}

// The metrics of the template a finished node ran, with its arguments applied; none when it cannot be resolved.
function templateMetrics(op: Operation, holder: TemplateHolder, scope: TemplateScope, args: Arguments | undefined, nodeName: string) {
  try {
    const { template } = op.resolveTemplate(holder, scope);
    if (!template.metrics?.prometheus?.length) return undefined;
    return processArgs(template, args, op.globalParams, { 'node.name': nodeName }, op.now).metrics?.prometheus;
  } catch {
    return undefined;
  }
}

/** What each type's executor receives. */
export interface TemplateContext {
  nodeName: string;
  holder: TemplateHolder;
  scope: TemplateScope;
  template: Template;
  options: ExecuteOptions;
}
