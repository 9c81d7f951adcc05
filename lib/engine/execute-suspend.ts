import type { NodeStatus } from '../generated/argo';
import { addSeconds, parseDurationSeconds } from './duration';
import type { TemplateContext } from './execute-template';
import { hasInputs } from './execute-pod';
import type { Operation } from './operation';

/** A suspend template: Running until resumed (the API marks it Succeeded) or until its duration passes. */
export function executeSuspend(op: Operation, context: TemplateContext): NodeStatus {
  let node = op.getNode(context.nodeName);
  if (op.shutdown && !(op.shutdown.runExitHandlers && context.options.onExit)) {
    if (node) return op.markPhase(context.nodeName, 'Failed', op.shutdown.message);
    return op.initNode(context.nodeName, 'Suspend', { holder: context.holder, templateScope: context.scope.id, boundaryID: context.options.boundaryID, phase: 'Failed', message: op.shutdown.message });
  }
  if (!node) {
    node = op.initNode(context.nodeName, 'Suspend', {
      holder: context.holder,
      templateScope: context.scope.id,
      boundaryID: context.options.boundaryID,
      phase: 'Pending',
    });
    if (hasInputs(context.template)) node.inputs = structuredClone(context.template.inputs);
    const supplied = (context.template.outputs?.parameters ?? []).filter((p) => p.valueFrom?.supplied !== undefined);
    if (supplied.length) node.outputs = { parameters: structuredClone(supplied) };
  }
  const duration = context.template.suspend?.duration;
  if (duration !== undefined && duration !== '') {
    const deadline = addSeconds(node.startedAt ?? op.nowText, parseDurationSeconds(duration));
    if (op.now.getTime() >= deadline.getTime()) {
      // Parameters nobody supplied take their defaults when the wait simply runs out.
      for (const parameter of node.outputs?.parameters ?? []) {
        if (parameter.value === undefined && parameter.valueFrom?.default !== undefined) {
          parameter.value = parameter.valueFrom.default;
          delete parameter.valueFrom;
        }
      }
      return op.markPhase(context.nodeName, 'Succeeded');
    }
    op.requeue((deadline.getTime() - op.now.getTime()) / 1000);
  }
  return op.markPhase(context.nodeName, 'Running');
}
