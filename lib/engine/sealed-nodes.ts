import type { NodeStatus } from '../generated/argo';

// Nodes a reconcile wrote (created or changed), in Argo's field order. The next reconcile shares them with its output
// as long as it does not change them, and copies one before it does (Operation.own): a sealed node is deeply frozen,
// so a write that forgot to copy fails loudly instead of changing the status it was given.
const sealed = new WeakSet<NodeStatus>();

/** Freezes a node the engine wrote, with everything in it, and remembers that its fields are in Argo's order. */
export function sealNode(node: NodeStatus): void {
  deepFreeze(node);
  sealed.add(node);
}

/** Whether a node is one the engine wrote and sealed (its fields in order, never to change). */
export function isSealed(node: NodeStatus): boolean {
  return sealed.has(node);
}

function deepFreeze(value: object): void {
  if (Object.isFrozen(value)) return;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'object' && item !== null) deepFreeze(item);
    return;
  }
  for (const key in value) {
    const member = (value as Record<string, unknown>)[key];
    if (typeof member === 'object' && member !== null) deepFreeze(member);
  }
}
