import type { NodeStatus } from '../generated/argo';
import type { TemplateContext } from './execute-template';
import { toPodName } from './node-names';
import { withPodArchiveLocation } from './pod-archive-location';
import { isResultReferenced } from './script-output';
import type { Operation } from './operation';
import { podDeadlineSeconds } from './template-timeouts';

/**
 * A container, script, containerSet, resource or data template: one pod. The node starts Pending and asks the
 * caller to create the pod; its phase and outputs then follow the pod's observations (applyPodObservations).
 */
export function executePod(op: Operation, context: TemplateContext): NodeStatus {
  const existing = op.peekNode(context.nodeName);
  if (existing) {
    // A node saved as Pending whose pod was never seen (the process stopped between saving and creating it):
    // ask again; creating a pod is idempotent.
    if (existing.phase === 'Pending' && !op.pods[existing.id] && !op.shutdown) pushCreate(op, context, existing, false);
    return existing;
  }
  if (op.shutdown && !(op.shutdown.runExitHandlers && context.options.onExit)) {
    return op.initNode(context.nodeName, 'Pod', {
      holder: context.holder,
      templateScope: context.scope.id,
      boundaryID: context.options.boundaryID,
      phase: 'Failed',
      message: op.shutdown.message,
    });
  }
  const node = op.initNode(context.nodeName, 'Pod', {
    holder: context.holder,
    templateScope: context.scope.id,
    boundaryID: context.options.boundaryID,
    phase: 'Pending',
  });
  if (hasInputs(context.template)) node.inputs = structuredClone(context.template.inputs);
  op.activePods++;
  pushCreate(op, context, node, true);
  return node;
}

function pushCreate(op: Operation, context: TemplateContext, node: NodeStatus, newNode: boolean): void {
  const activeDeadlineSeconds = podDeadlineSeconds(op, context.template, node);
  const podName = toPodName(op.name, context.nodeName, context.template.name ?? '');
  op.actions.push({
    type: 'createPod',
    nodeId: node.id,
    nodeName: context.nodeName,
    podName,
    // A copy: the template may be part of the (frozen, shared) spec, and the caller owns what it is given.
    template: structuredClone(withPodArchiveLocation(op, activeDeadlineSeconds === undefined ? context.template : { ...context.template, activeDeadlineSeconds }, podName)),
    includeScriptOutput: isResultReferenced(context.nodeName, context.options.parentTemplate),
    newNode,
  });
}

/** Whether a template declares input parameters or artifacts worth showing on its node. */
export function hasInputs(template: TemplateContext['template']): boolean {
  return (template.inputs?.parameters?.length ?? 0) > 0 || (template.inputs?.artifacts?.length ?? 0) > 0;
}
