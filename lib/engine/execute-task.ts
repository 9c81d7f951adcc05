import type { NodeStatus } from '../generated/argo';
import type { TemplateContext } from './execute-template';
import { hasInputs } from './execute-pod';
import { toPodName } from './node-names';
import type { Operation } from './operation';

/**
 * An http template, as Argo's executeHTTPTemplate: an `HTTP` node, Pending until its request is answered. Argo
 * hands it to the agent pod; Capstan's controller carries it out in-process in both modes (a createPod action
 * whose template has `http`), and its result comes back as the node's observation.
 */
export function executeHttp(op: Operation, context: TemplateContext): NodeStatus {
  const existing = op.peekNode(context.nodeName);
  if (existing) {
    if (existing.phase === 'Pending' && !op.pods[existing.id] && !op.shutdown) pushTask(op, context, existing, false);
    return existing;
  }
  if (op.shutdown && !(op.shutdown.runExitHandlers && context.options.onExit)) {
    return op.initNode(context.nodeName, 'HTTP', {
      holder: context.holder, templateScope: context.scope.id, boundaryID: context.options.boundaryID, phase: 'Failed', message: op.shutdown.message,
    });
  }
  const node = op.initNode(context.nodeName, 'HTTP', {
    holder: context.holder, templateScope: context.scope.id, boundaryID: context.options.boundaryID, phase: 'Pending',
  });
  if (hasInputs(context.template)) node.inputs = structuredClone(context.template.inputs);
  pushTask(op, context, node, true);
  return node;
}

function pushTask(op: Operation, context: TemplateContext, node: NodeStatus, newNode: boolean): void {
  op.actions.push({
    type: 'createPod',
    nodeId: node.id,
    nodeName: context.nodeName,
    podName: toPodName(op.name, context.nodeName, context.template.name ?? ''),
    template: context.template,
    includeScriptOutput: false,
    newNode,
  });
}
