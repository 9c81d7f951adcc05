import type { NodeStatus } from '../generated/argo';
import type { TemplateContext } from './execute-template';
import type { Operation } from './operation';
import type { ContainerObservation } from './types';

/**
 * The `Container` nodes of a containerSet pod, as Argo's executeContainerSet: one per container, named
 * `<pod node>.<container>`, bounded by the pod node and Pending until the pod reports it. A container without
 * `dependencies` hangs under the pod node; one with dependencies under each container it depends on, so the
 * graph shows the order the containers run in.
 */
export function addContainerNodes(op: Operation, context: TemplateContext, podNode: NodeStatus): void {
  const containers = context.template.containerSet?.containers ?? [];
  for (const container of containers) {
    const name = `${context.nodeName}.${container.name}`;
    if (!op.peekNode(name)) {
      op.initNode(name, 'Container', { holder: context.holder, templateScope: context.scope.id, boundaryID: podNode.id, phase: 'Pending' });
    }
  }
  for (const container of containers) {
    const name = `${context.nodeName}.${container.name}`;
    const dependencies = container.dependencies ?? [];
    if (dependencies.length === 0) op.addChild(context.nodeName, name);
    for (const dependency of dependencies) op.addChild(`${context.nodeName}.${dependency}`, name);
  }
}

/** Emissary's exit code when it failed itself (e.g. a dependency failed) rather than the command. */
const emissaryErrorCode = 64;

/**
 * Brings a containerSet pod's `Container` nodes up to date with its container statuses, as Argo's
 * podReconciliation: exit code 0 Succeeded, 64 Error (emissary's own failure), any other Failed with
 * `<name>: <reason> (exit code N): <message>`; a container still running in a failed pod Failed.
 */
export function applyContainerObservations(op: Operation, podNode: NodeStatus, containers: readonly ContainerObservation[], podFailed: boolean): void {
  for (const container of containers) {
    const name = `${podNode.name}.${container.name}`;
    if (!op.peekNode(name)) continue;
    if (container.state === 'terminated') {
      const exitCode = container.exitCode ?? 0;
      const message = `${container.name}: ${container.reason ?? ''} (exit code ${exitCode}): ${container.message ?? ''}`;
      if (exitCode === 0) op.markPhase(name, 'Succeeded');
      else op.markPhase(name, exitCode === emissaryErrorCode ? 'Error' : 'Failed', message);
    } else if (podFailed) {
      op.markPhase(name, 'Failed', 'Pod Failed whilst container running');
    } else if (container.state === 'waiting') {
      op.markPhase(name, 'Pending');
    } else {
      op.markPhase(name, 'Running');
    }
  }
}
