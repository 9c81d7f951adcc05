import type { NodeStatus, Template } from '../generated/argo';
import type { Operation } from './operation';
import { templateType } from './template-type';

const isActive = (node: NodeStatus) => node.phase === 'Pending' || node.phase === 'Running';
const countsAsChild = (node: NodeStatus) => node.type === 'Pod' || node.type === 'Steps' || node.type === 'DAG';

/** Pods that hold a slot: Pending or Running, not waiting for a lock; under `boundaryID`, or all when empty. */
export function countActivePods(op: Operation, boundaryID = ''): number {
  let count = 0;
  for (const node of op.nodeList) {
    if (node.type !== 'Pod' || !isActive(node) || node.synchronizationStatus?.waiting) continue;
    if (boundaryID && node.boundaryID !== boundaryID) continue;
    count++;
  }
  return count;
}

function countChildren(op: Operation, boundaryID: string, phases: (node: NodeStatus) => boolean): number {
  let count = 0;
  for (const node of op.nodeList) if (node.boundaryID === boundaryID && countsAsChild(node) && phases(node)) count++;
  return count;
}

const FAIL_FAST_MESSAGE = 'template has failed or errored children and failFast enabled';

/**
 * Whether a template may not start (or go on) now, as Argo's checkParallelism: the workflow's `parallelism` caps
 * active pods; a steps or DAG template's own `parallelism` caps the active pods under it, and its caller's
 * `parallelism` caps the active children started in it. A template with `failFast` stops starting children once
 * one failed, and fails when none is left running.
 */
export function parallelismReached(op: Operation, template: Template, node: NodeStatus | undefined, boundaryID: string | undefined): boolean {
  const workflowLimit = op.spec.parallelism;
  if (workflowLimit !== undefined && op.activePods >= Number(workflowLimit)) return true;

  const type = templateType(template);
  if (node && (type === 'steps' || type === 'dag')) {
    if (failFastStops(op, template, node)) return true;
    if (template.parallelism !== undefined && countActivePods(op, node.id) >= Number(template.parallelism)) return true;
  }

  if (boundaryID && (!node || !isActive(node))) {
    const boundary = op.peekNodeById(boundaryID);
    const boundaryTemplate = boundary ? op.templateOfNode(boundary) : undefined;
    if (!boundary || !boundaryTemplate) return false;
    if (failFastStops(op, boundaryTemplate, boundary)) return true;
    if (boundaryTemplate.parallelism !== undefined && countChildren(op, boundaryID, isActive) >= Number(boundaryTemplate.parallelism)) return true;
  }
  return false;
}

function failFastStops(op: Operation, template: Template, node: NodeStatus): boolean {
  if (template.failFast !== true) return false;
  if (countChildren(op, node.id, (n) => n.phase === 'Failed' || n.phase === 'Error') === 0) return false;
  if (countActivePods(op, node.id) === 0) {
    if (templateType(template) === 'steps') {
      const groups = op.nodeList.filter((n) => n.boundaryID === node.id && n.type === 'StepGroup');
      const leaf = groups.at(-1);
      if (leaf) op.markPhase(leaf.name, 'Failed', FAIL_FAST_MESSAGE);
    }
    op.markPhase(node.name, 'Failed', FAIL_FAST_MESSAGE);
  }
  return true;
}
