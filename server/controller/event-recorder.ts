import { isApiError } from '@/lib/api-error';
import { EventCorrelator, type EventWrite } from '@/lib/k8s/event-correlator';
import { type EventReport, toKubeEvent } from '@/lib/k8s/kube-event';
import type { KubeObject } from '@/lib/k8s/object';
import { isUnreachable } from '../cluster/api-reachability';
import type { ClusterPort } from '../cluster/cluster-port';
import type { Logger } from '../logger';

/** Where Events go: the cluster in kubernetes mode, the store in embedded mode. */
export type EventSink = Pick<ClusterPort, 'recordEvent' | 'patchEvent'>;

/**
 * Writes waiting per namespace; Events beyond it are dropped rather than waited for. client-go's broadcaster keeps
 * 1,000 (maxQueuedEvents), which Argo's controller, spreading completions over its 10 s requeue, rarely fills; Capstan
 * completes a burst of workflows at once (1,000 one-pod workflows: 500 in 2.5 s, three Events each) and dropped 2,700
 * of 4,000 with 1,000. A waiting write is about 1 KB.
 */
export const eventQueueSize = 10_000;
/**
 * Writes of one namespace in flight at once (never two of one Event). client-go sends one at a time; from here one at a
 * time through client-node kept up with neither burst, and 16 drained no faster than 4 on the loaded test bed.
 */
export const eventWritesInFlight = 4;

interface NamespaceQueue {
  correlator: EventCorrelator;
  /** Writes not sent yet, by Event name, oldest first: a newer write of the same Event replaces the one waiting. */
  pending: Map<string, EventWrite>;
  /** Names of the Events being written now. */
  writing: Set<string>;
  draining?: Promise<void>;
  failing: boolean;
}

/**
 * Argo's event recorder manager: one queue per namespace, its Events correlated (repeats counted, floods combined:
 * EventCorrelator) and written a few at a time in the background (eventWritesInFlight), so recording never waits on the API server. Unlike
 * client-go, a write still waiting when the same Event changes again is replaced by the newer one: the Event ends
 * the same, with one write instead of many (a 2,000-node DAG's combined node Events would otherwise be patched 2,000
 * times each, one after another).
 */
export class EventRecorder {
  private readonly namespaces = new Map<string, NamespaceQueue>();
  private dropped = 0;

  constructor(
    private readonly sink: EventSink,
    private readonly logger: Logger,
    private readonly options: { queueSize?: number; clock?: () => Date } = {},
  ) {}

  /** Queues an Event about `object` (a workflow, or a pod); returns at once. */
  record(object: KubeObject, report: EventReport): void {
    const now = this.options.clock?.() ?? new Date();
    const namespace = object.metadata.namespace ?? '';
    let queue = this.namespaces.get(namespace);
    if (!queue) {
      queue = { correlator: new EventCorrelator(), pending: new Map(), writing: new Set(), failing: false };
      this.namespaces.set(namespace, queue);
    }
    const write = queue.correlator.correlate(toKubeEvent(object, report, now), now);
    const name = write.event.metadata.name;
    const waiting = queue.pending.get(name);
    if (waiting) {
      // Not sent yet: send the newest state instead (a create stays a create, with the newer count).
      queue.pending.set(name, waiting.kind === 'create' ? { kind: 'create', event: write.event } : write);
    } else if (queue.pending.size >= (this.options.queueSize ?? eventQueueSize)) {
      if (this.dropped++ === 0) this.logger.warn({ namespace }, 'event queue full: dropping Events until it drains');
      return;
    } else {
      queue.pending.set(name, write);
    }
    queue.draining ??= this.drain(namespace, queue);
  }

  /** Writes queued or in flight, in every namespace. */
  get waiting(): number {
    let count = 0;
    for (const queue of this.namespaces.values()) count += queue.pending.size + queue.writing.size;
    return count;
  }

  /** Resolves once every queued Event has been written (or failed). */
  async flush(): Promise<void> {
    await Promise.all([...this.namespaces.values()].map((queue) => queue.draining));
  }

  private async drain(namespace: string, queue: NamespaceQueue): Promise<void> {
    // Starts after the caller's turn, so a reconcile's Events are queued (and coalesced) before the first is sent.
    await Promise.resolve();
    try {
      await Promise.all(Array.from({ length: eventWritesInFlight }, () => this.writeWaiting(namespace, queue)));
    } finally {
      queue.draining = undefined;
      if (this.dropped) {
        this.logger.warn({ namespace, dropped: this.dropped }, 'Events dropped while the queue was full');
        this.dropped = 0;
      }
    }
  }

  // One of the namespace's writers: sends the oldest waiting write of an Event no other writer is sending, until none.
  private async writeWaiting(namespace: string, queue: NamespaceQueue): Promise<void> {
    for (let next = firstFree(queue); next; next = firstFree(queue)) {
      const name = next.event.metadata.name;
      queue.pending.delete(name);
      queue.writing.add(name);
      try {
        await this.write(next);
        if (queue.failing) this.logger.info({ namespace }, 'recording Events again');
        queue.failing = false;
      } catch (error) {
        // As client-go, a refused Event is not retried; a later change of it is created afresh (patchEvent's not found).
        // An unreachable API server is logged once by the adapter (ApiReachability), not again here.
        if (!queue.failing && !isUnreachable(error)) this.logger.warn({ err: error, namespace, reason: next.event.reason }, 'could not record an Event');
        queue.failing = true;
      } finally {
        queue.writing.delete(name);
      }
    }
  }

  private async write(write: EventWrite): Promise<void> {
    if (write.kind === 'patch') {
      try {
        await this.sink.patchEvent(write.event.metadata.namespace, write.event.metadata.name, write.patch);
        return;
      } catch (error) {
        if (!(isApiError(error) && error.code === 5)) throw error;
      }
    }
    try {
      await this.sink.recordEvent(write.event);
    } catch (error) {
      if (!(isApiError(error) && error.code === 6)) throw error;
    }
  }
}

// The oldest waiting write whose Event is not being written (a patch must not overtake the create before it).
function firstFree(queue: NamespaceQueue): EventWrite | undefined {
  for (const [name, write] of queue.pending) if (!queue.writing.has(name)) return write;
  return undefined;
}
