import type { MemoizationStatus, NodeStatus, Outputs } from '../generated/argo';
import { parseDurationSeconds } from './duration';
import type { TemplateContext } from './execute-template';
import { hasInputs } from './execute-pod';
import { NodeError, type Operation } from './operation';
import { nodeTypeOf } from './template-type';
import type { Nodes } from './types';

/** The label a memoization ConfigMap must carry (Argo refuses others). */
export const memoCacheLabel = 'workflows.argoproj.io/configmap-type';
export const memoCacheLabelValue = 'Cache';

/** One entry of a cache ConfigMap's `data`, as Argo's controller writes it (JSON). */
export interface MemoCacheEntry {
  nodeID: string;
  outputs?: Outputs | null;
  creationTimestamp: string;
  lastHitTimestamp: string;
}

/** What the controller read of one cache ConfigMap before the reconcile: its data, or why it cannot be used. */
export type MemoCacheSnapshot = { data: Record<string, string> } | { error: string };

// Argo's cacheKeyRegex: a key is a ConfigMap data key without dots or underscores.
const cacheKeyPattern = /^[a-zA-Z0-9][-a-zA-Z0-9]*$/;

/** Whether a ConfigMap may serve as a memoization cache, with Argo's message when not. */
export function memoCacheProblem(labels: Record<string, string> | undefined): string | undefined {
  const label = labels?.[memoCacheLabel];
  if (label === undefined) return `memoization configmap doesn't have ${memoCacheLabel} label, refusing to use it`;
  if (label !== memoCacheLabelValue) return `memoization configmap doesn't have label ${memoCacheLabel} = ${memoCacheLabelValue}, refusing to use it`;
  return undefined;
}


/**
 * Looks a memoized template's key up in its cache before its node is created, as Argo's executeTemplate: a hit
 * creates the node Succeeded with the cached outputs (nothing runs); a miss returns the status to put on the node
 * the template then creates. Throws NodeError for a bad key, a bad `maxAge`, or a cache that cannot be used.
 */
export function lookUpMemoCache(op: Operation, context: TemplateContext): { hit: NodeStatus } | { miss: MemoizationStatus } {
  const memoize = context.template.memoize!;
  const cacheName = memoize.cache?.configMap?.name ?? '';
  const key = memoize.key ?? '';
  if (!cacheKeyPattern.test(key)) throw new NodeError(`invalid cache key: ${key}`);
  const snapshot = op.memoCaches?.[cacheName];
  if (snapshot && 'error' in snapshot) throw new NodeError(snapshot.error);
  const raw = snapshot?.data[key];
  let entry: MemoCacheEntry | undefined;
  if (raw) {
    try {
      entry = JSON.parse(raw) as MemoCacheEntry;
    } catch (error) {
      throw new NodeError(`malformed cache entry: could not unmarshal JSON; unable to parse: ${(error as Error).message}`);
    }
  }
  // Argo's load stamps the entry's lastHitTimestamp whenever it finds one, hit or expired.
  if (entry) op.actions.push({ type: 'touchMemoCache', cacheName, key });
  let hit = Boolean(entry?.nodeID);
  if (memoize.maxAge) {
    let maxAge: number;
    try {
      maxAge = parseDurationSeconds(memoize.maxAge);
    } catch (error) {
      throw new NodeError(`invalid maxAge: ${(error as Error).message}`);
    }
    const created = Date.parse(entry?.creationTimestamp ?? '');
    if (!entry || Number.isNaN(created) || op.now.getTime() - created > maxAge * 1000) hit = false;
  }
  const status: MemoizationStatus = { hit, key, cacheName };
  if (!hit) return { miss: status };
  const node = op.initNode(context.nodeName, nodeTypeOf(context.template), {
    holder: context.holder, templateScope: context.scope.id, boundaryID: context.options.boundaryID, phase: 'Succeeded',
  });
  if (hasInputs(context.template)) node.inputs = structuredClone(context.template.inputs);
  if (entry?.outputs) node.outputs = structuredClone(entry.outputs);
  node.memoizationStatus = status;
  if (node.type === 'Pod') node.taskResultSynced = true;
  return { hit: node };
}

/**
 * The cache writes a reconcile asks for: every memoized node (not a hit) that has just succeeded saves its outputs
 * under its key, as Argo does when a pod, steps or DAG node succeeds.
 */
export function memoCacheSaves(before: Nodes, after: readonly NodeStatus[]): { cacheName: string; key: string; nodeId: string; outputs: Outputs }[] {
  const saves = [];
  for (const node of after) {
    const memo = node.memoizationStatus;
    if (!memo || memo.hit || node.phase !== 'Succeeded' || before[node.id]?.phase === 'Succeeded') continue;
    saves.push({ cacheName: memo.cacheName, key: memo.key, nodeId: node.id, outputs: structuredClone(node.outputs ?? {}) });
  }
  return saves;
}

/** The ConfigMap data value Argo writes for a saved entry (its JSON field order). */
export function toMemoCacheEntry(nodeId: string, outputs: Outputs, now: string): string {
  const entry: MemoCacheEntry = { nodeID: nodeId, outputs, creationTimestamp: now, lastHitTimestamp: now };
  return JSON.stringify(entry);
}

/** An entry with its lastHitTimestamp set to `now`, as Argo writes it back after loading it; undefined when unreadable. */
export function touchedMemoCacheEntry(raw: string | undefined, now: string): string | undefined {
  if (!raw) return undefined;
  try {
    const entry = JSON.parse(raw) as MemoCacheEntry;
    return JSON.stringify({ ...entry, lastHitTimestamp: now });
  } catch {
    return undefined;
  }
}

/** The cache ConfigMap names a workflow's templates use (memoize.cache.configMap.name), to read before a reconcile. */
export function memoCacheNamesIn(specs: unknown[]): Set<string> {
  const names = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) for (const item of value) visit(item);
    else if (value && typeof value === 'object') {
      const name = (value as { memoize?: { cache?: { configMap?: { name?: string } } } }).memoize?.cache?.configMap?.name;
      if (name) names.add(name);
      for (const child of Object.values(value)) visit(child);
    }
  };
  visit(specs);
  return names;
}
