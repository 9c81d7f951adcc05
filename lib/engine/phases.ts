import type { NodeStatus } from '../generated/argo';

/** Succeeded, Failed, Error, Skipped or Omitted: the node will not change any more. */
export function isFulfilled(phase: string | undefined): boolean {
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Error' || phase === 'Skipped' || phase === 'Omitted';
}

/** Fulfilled, or a daemon that runs and serves (Argo's NodeStatus.Fulfilled): what comes after it may start. */
export function isNodeFulfilled(node: NodeStatus): boolean {
  return isFulfilled(node.phase) || (node.daemoned === true && node.phase !== 'Pending');
}

/** Succeeded, Failed or Error: the node ran to an end. */
export function isCompleted(phase: string | undefined): boolean {
  return phase === 'Succeeded' || phase === 'Failed' || phase === 'Error';
}

export function isFailedOrError(phase: string | undefined): boolean {
  return phase === 'Failed' || phase === 'Error';
}

/** Node types that run a pod (or a local process in embedded mode). */
export function isPodNode(node: NodeStatus): boolean {
  return node.type === 'Pod';
}
