import type { NodeStatus } from '../generated/argo';
import type { TemplateContext } from './execute-template';
import { toPodName } from './node-names';
import { isResultReferenced } from './script-output';
import type { Operation } from './operation';

/**
 * A container, script, containerSet, resource or data template: one pod. The node starts Pending and asks the
 * caller to create the pod; its phase and outputs then follow the pod's observations (applyPodObservations).
 */
export function executePod(op: Operation, context: TemplateContext): NodeStatus {
  const existing = op.getNode(context.nodeName);
  if (existing) {
    // A node saved as Pending whose pod was never seen (the process stopped between saving and creating it):
    // ask again; creating a pod is idempotent.
    if (existing.phase === 'Pending' && !op.pods[existing.id] && !op.shutdown) pushCreate(op, context, existing.id);
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
  pushCreate(op, context, node.id);
  return node;
}

function pushCreate(op: Operation, context: TemplateContext, nodeId: string): void {
  op.actions.push({
    type: 'createPod',
    nodeId,
    nodeName: context.nodeName,
    podName: toPodName(op.name, context.nodeName, context.template.name ?? ''),
    template: context.template,
    includeScriptOutput: isResultReferenced(context.nodeName, context.options.parentTemplate),
  });
}

/** Whether a template declares input parameters or artifacts worth showing on its node. */
export function hasInputs(template: TemplateContext['template']): boolean {
  return (template.inputs?.parameters?.length ?? 0) > 0 || (template.inputs?.artifacts?.length ?? 0) > 0;
}
