import type { EventCountPatch, KubeEventBody } from './kube-event';
import { toKubeTime } from './object';

/** What to write for one reported Event: a new Event, or a patch of an existing one's count and last sighting. */
export type EventWrite =
  | { kind: 'create'; event: KubeEventBody }
  | {
      kind: 'patch';
      /** The whole Event as it now is: created instead when the patched one has gone (expired, deleted). */
      event: KubeEventBody;
      patch: EventCountPatch;
    };

/** client-go's defaults (tools/record/events_cache.go), which Argo keeps. */
export const correlatorDefaults = {
  /** Distinct messages under one aggregate key before they are combined into one Event. */
  maxEvents: 10,
  /** How long an aggregate key's messages are remembered after the last one, in ms. */
  intervalMs: 600_000,
  /** Keys remembered (client-go's LRU caches). */
  cacheSize: 4096,
} as const;

export const combinedPrefix = '(combined from similar events): ';

interface AggregateRecord {
  messages: Set<string>;
  lastMs: number;
}

interface Observation {
  name: string;
  count: number;
  firstTimestamp: string;
}

/**
 * client-go's EventCorrelator as Argo configures it (workflow/events/event_recorder_manager.go; its spam filter's
 * burst of 10,000 per object never binds, so it is left out): identical Events (same source, object, type, reason
 * and message) become one whose count goes up, and once more than `maxEvents - 1` distinct messages arrive under one
 * aggregate key (source, object, type, reason) within `intervalMs` of each other, the rest are combined into one
 * Event whose message is the newest prefixed "(combined from similar events): ". No I/O: the caller passes the time.
 */
export class EventCorrelator {
  private readonly aggregates = new Map<string, AggregateRecord>();
  private readonly observations = new Map<string, Observation>();
  private lastNanos = 0n;

  constructor(private readonly options: { maxEvents: number; intervalMs: number; cacheSize: number } = correlatorDefaults) {}

  /** What to write for `event` (as toKubeEvent built it at `now`), remembering it. */
  correlate(event: KubeEventBody, now: Date): EventWrite {
    const aggregateKey = toAggregateKey(event);
    const message = event.message ?? '';
    let record = this.aggregates.get(aggregateKey);
    if (!record || now.getTime() - record.lastMs > this.options.intervalMs) record = { messages: new Set(), lastMs: 0 };
    record.messages.add(message);
    record.lastMs = now.getTime();
    remember(this.aggregates, aggregateKey, record, this.options.cacheSize);
    let key = `${aggregateKey}\u0000${message}`;
    let candidate = event;
    if (record.messages.size >= this.options.maxEvents) {
      // As client-go: forget one message so the set stays below the limit, and write the combined Event (annotations
      // and reporting fields are not carried over).
      const first = record.messages.values().next().value;
      if (first !== undefined) record.messages.delete(first);
      key = aggregateKey;
      const { annotations: _annotations, ...metadata } = event.metadata;
      const { reportingComponent: _component, reportingInstance: _instance, ...rest } = event;
      candidate = { ...rest, metadata, message: combinedPrefix + message };
    }
    return this.observe(key, candidate, now);
  }

  private observe(key: string, event: KubeEventBody, now: Date): EventWrite {
    const time = toKubeTime(now);
    const seen = this.observations.get(key);
    if (seen) {
      const count = seen.count + 1;
      remember(this.observations, key, { ...seen, count }, this.options.cacheSize);
      const current: KubeEventBody = {
        ...event, metadata: { ...event.metadata, name: seen.name }, firstTimestamp: seen.firstTimestamp, lastTimestamp: time, count,
      };
      return { kind: 'patch', event: current, patch: { count, lastTimestamp: time, message: event.message ?? '' } };
    }
    // Names are `<object>.<hex nanoseconds>` and the clock has milliseconds: several in one millisecond get
    // successive nanoseconds, so none is refused as already existing.
    const nanos = this.nextNanos(now);
    const name = `${event.involvedObject.name ?? ''}.${nanos.toString(16)}`;
    const created: KubeEventBody = { ...event, metadata: { ...event.metadata, name }, firstTimestamp: time, lastTimestamp: time, count: 1 };
    remember(this.observations, key, { name, count: 1, firstTimestamp: time }, this.options.cacheSize);
    return { kind: 'create', event: created };
  }

  private nextNanos(now: Date): bigint {
    const nanos = BigInt(now.getTime()) * 1_000_000n;
    this.lastNanos = nanos > this.lastNanos ? nanos : this.lastNanos + 1n;
    return this.lastNanos;
  }
}

/** Argo's aggregation key (customEventAggregatorFuncWithAnnotations without EVENT_AGGREGATION_WITH_ANNOTATIONS). */
function toAggregateKey(event: KubeEventBody): string {
  const object = event.involvedObject;
  return [
    event.source?.component, event.source?.host, object.kind, object.namespace, object.name, object.uid, object.apiVersion,
    event.type, event.reason, event.reportingComponent, event.reportingInstance,
  ].map((part) => part ?? '').join('\u0000');
}

/** Sets `key` as the most recently used, dropping the least recently used beyond `size` (an LRU on Map order). */
function remember<V>(map: Map<string, V>, key: string, value: V, size: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > size) map.delete(map.keys().next().value as string);
}
