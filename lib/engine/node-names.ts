/** FNV-1a, 32 bits, over the UTF-8 bytes of `text`: the hash Argo uses for node IDs and pod names. */
export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  // UTF-8 by hand, with no closure or TextEncoder per call: hashing was the bulk of a big DAG's reconcile.
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      hash = Math.imul(hash ^ code, 0x01000193) >>> 0;
      continue;
    }
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low < 0xe000) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    // A lone surrogate is encoded as U+FFFD, as TextEncoder does.
    if (code >= 0xd800 && code < 0xe000) code = 0xfffd;
    const bytes = code < 0x800
      ? [0xc0 | (code >> 6)]
      : code < 0x10000
        ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f)]
        : [0xf0 | (code >> 18), 0x80 | ((code >> 12) & 0x3f), 0x80 | ((code >> 6) & 0x3f)];
    bytes.push(0x80 | (code & 0x3f));
    for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
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
