/** FNV-1a, 32 bits: the hash Argo uses for node IDs and pod names. */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A node's ID: the workflow's name for the root node, else `<workflow>-<fnv32a(node name)>`, as Argo. */
export function toNodeId(workflowName: string, nodeName: string): string {
  if (nodeName === workflowName) return workflowName;
  return `${workflowName}-${fnv32a(nodeName)}`;
}

// Kubernetes names are at most 253 characters; Argo keeps pod names to 63 so they fit a label value.
const maxPodNameLength = 63;
const hashLength = 10;

/** The pod name of a node (Argo's pod-name format v2): `<workflow>-<template>-<fnv32a(node name)>`. */
export function toPodName(workflowName: string, nodeName: string, templateName: string): string {
  if (workflowName === nodeName) return workflowName;
  let prefix = workflowName;
  if (templateName) prefix = `${workflowName}-${templateName}`;
  const budget = maxPodNameLength - hashLength - 1;
  if (prefix.length > budget) prefix = prefix.slice(0, budget);
  return `${prefix}-${fnv32a(nodeName)}`;
}

/** The name of one expanded loop item: `name(index:description)` with parentheses removed from the description. */
export function toLoopNodeName(name: string, index: number, description: string): string {
  return `${name}(${index}:${description.replace(/[()]/g, '')})`;
}

/**
 * The display name Argo shows: the node name without its boundary node's name, and without the `[i].` or `.`
 * that separates a step or task from its parent (so `wf[0].hello` under `wf` shows as `hello`).
 */
export function toDisplayName(nodeName: string, boundaryName: string | undefined): string {
  if (boundaryName === undefined) return nodeName;
  const rest = nodeName.startsWith(boundaryName) ? nodeName.slice(boundaryName.length) : nodeName;
  return rest.replace(/^(\[\d+\])?\./, '');
}
