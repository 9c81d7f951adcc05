import type { KubeObject } from '../k8s/object';
import { buildNumberOf } from './job-ref';

/** What numbering needs to know about a workflow seen without a stored build. */
export interface NumberingCandidate {
  uid: string;
  name: string;
  startedAt?: string | null;
  creationTimestamp?: string | null;
}

function time(text: string | null | undefined): number {
  const ms = text ? Date.parse(text) : NaN;
  return Number.isNaN(ms) || ms <= 0 ? Number.POSITIVE_INFINITY : ms;
}

/**
 * Pre-existing builds are numbered in start order: by start time (creation time for those not started, and
 * after every started one when neither is known), then creation time, then name and uid so the order is total.
 */
export function compareForNumbering(a: NumberingCandidate, b: NumberingCandidate): number {
  const startA = time(a.startedAt) === Number.POSITIVE_INFINITY ? time(a.creationTimestamp) : time(a.startedAt);
  const startB = time(b.startedAt) === Number.POSITIVE_INFINITY ? time(b.creationTimestamp) : time(b.startedAt);
  if (startA !== startB) return startA < startB ? -1 : 1;
  const createdA = time(a.creationTimestamp);
  const createdB = time(b.creationTimestamp);
  if (createdA !== createdB) return createdA < createdB ? -1 : 1;
  return a.name.localeCompare(b.name) || a.uid.localeCompare(b.uid);
}

/** The stored owner of a build number, as the store answers it. */
export interface NumberOwner {
  uid: string;
}

export type NumberingDecision =
  /** The workflow's label is its own number: record it as is. */
  | { type: 'keep'; number: number }
  /** The workflow needs a new number; `copyOf` when its label was inherited from another build (retry, resubmit). */
  | { type: 'assign'; copyOf?: number };

/**
 * Whether a workflow keeps the number on its label. A label is trusted when no other workflow holds that number;
 * a workflow copied from another build (Argo's resubmit and archived retry copy labels) gets a new one.
 */
export function decideNumbering(workflow: KubeObject, ownerOfLabel: NumberOwner | undefined): NumberingDecision {
  const labelled = buildNumberOf(workflow);
  if (labelled === undefined) return { type: 'assign' };
  if (!ownerOfLabel || ownerOfLabel.uid === workflow.metadata.uid) return { type: 'keep', number: labelled };
  return { type: 'assign', copyOf: labelled };
}
