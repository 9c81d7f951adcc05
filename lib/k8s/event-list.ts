import { nodeEventAnnotations } from '../workflows/workflow-labels';
import type { CoreV1Event } from '../generated/k8s';

/** An Event as argo-server's events stream sends it. */
export type StreamedEvent = CoreV1Event & { metadata: { name?: string; uid?: string; resourceVersion?: string } };

/**
 * Adds one streamed Event to a list held in order of last sighting (oldest first, as `kubectl get events`), or
 * replaces the copy it has when this one is newer: a repeated Event comes again with its count patched.
 */
export function applyStreamedEvent(list: readonly StreamedEvent[], event: StreamedEvent): StreamedEvent[] {
  const key = eventKey(event);
  const index = list.findIndex((held) => eventKey(held) === key);
  if (index >= 0 && !(version(event) > version(list[index]!))) return list as StreamedEvent[];
  const next = index >= 0 ? [...list.slice(0, index), ...list.slice(index + 1)] : [...list];
  const at = lastSeen(event);
  let position = next.length;
  while (position > 0 && lastSeen(next[position - 1]!) > at) position--;
  next.splice(position, 0, event);
  return next;
}

/** Whether an Event is about the workflow with this uid, directly or (nodeEvents.sendAsPod) through its pod. */
export function isAboutWorkflow(event: StreamedEvent, uid: string | undefined): boolean {
  if (!uid) return true;
  return event.involvedObject.uid === uid || event.metadata.annotations?.[nodeEventAnnotations.workflowUid] === uid;
}

// A version that is not a number (none) counts as newer than any, as the workflow watch's isNewer.
const version = (event: StreamedEvent) => Number.parseInt(event.metadata.resourceVersion ?? '', 10) || Number.POSITIVE_INFINITY;

function eventKey(event: StreamedEvent): string {
  return event.metadata.uid ?? `${event.metadata.namespace ?? ''}/${event.metadata.name ?? ''}`;
}

function lastSeen(event: StreamedEvent): string {
  return event.lastTimestamp ?? event.eventTime ?? event.firstTimestamp ?? '';
}
