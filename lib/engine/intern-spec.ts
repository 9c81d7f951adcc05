import type { WorkflowSpec } from '../generated/argo';
import { isSameJson } from './same-json';

// Specs seen lately, by their JSON. The controller hands the engine a fresh copy of a workflow on every reconcile;
// mapping equal specs to one frozen object lets what is derived from a spec (task maps, dependency graphs, whether a
// template needs substituting) be cached by object in WeakMaps and reused from one reconcile to the next.
const recent = new Map<string, WorkflowSpec>();
const maxRecent = 64;

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}

// The canonical spec each workflow (by `owner`, its uid) had last: a spec rarely changes from one reconcile to the
// next, and comparing it with the last one costs about half of serialising it, without a big string to hash and drop.
const lastOfOwner = new Map<string, WorkflowSpec>();
const maxOwners = 64; // as many as `recent`: a spec of thousands of tasks is megabytes of objects

/**
 * The canonical, deeply frozen object for a spec's content: equal specs give the same object. The engine never
 * changes a spec, and freezing makes sure of it, since one object may serve several workflows. `owner` names the
 * workflow the spec is of, so that an unchanged spec is recognised by comparison.
 */
export function internSpec(spec: WorkflowSpec, owner?: string): WorkflowSpec {
  if (owner === undefined) return internByText(spec);
  const last = lastOfOwner.get(owner);
  if (last !== undefined && (last === spec || isSameJson(spec, last))) return last;
  const canonical = internByText(spec);
  lastOfOwner.delete(owner);
  lastOfOwner.set(owner, canonical);
  if (lastOfOwner.size > maxOwners) lastOfOwner.delete(lastOfOwner.keys().next().value!);
  return canonical;
}

function internByText(spec: WorkflowSpec): WorkflowSpec {
  const key = JSON.stringify(spec);
  const found = recent.get(key);
  if (found) {
    // Most recently used last, so the oldest is the first to go.
    recent.delete(key);
    recent.set(key, found);
    return found;
  }
  const canonical = deepFreeze(JSON.parse(key) as WorkflowSpec);
  recent.set(key, canonical);
  if (recent.size > maxRecent) recent.delete(recent.keys().next().value!);
  return canonical;
}

/** A value derived from an object, computed once per object (for interned spec parts, once per spec content). */
export function derived<K extends object, V>(cache: WeakMap<K, V>, key: K, compute: (key: K) => V): V {
  let value = cache.get(key);
  if (value === undefined && !cache.has(key)) {
    value = compute(key);
    cache.set(key, value);
  }
  return value as V;
}
