import { isNewer } from '@/lib/watch/apply-watch-event';
import { matchesLabels, parseLabelSelector } from '@/lib/k8s/label-selector';
import type { KubeObject } from '@/lib/k8s/object';
import type { Listed, ObjectList, WatchEvent } from './cluster-port';
import { listedAsIs } from './listed-object';

/** What the cache needs from the Kubernetes adapter: a consistent full list, and a watch from its version. */
export interface WatchCacheSource<T extends KubeObject> {
  /**
   * Every object of the scope, read in pages from one snapshot, each held by `hold` as soon as its page is read (so a
   * packed cache never has the whole scope parsed at once), and that snapshot's resourceVersion.
   */
  listAll(namespace: string, hold: HoldObject<T>): Promise<ObjectList<Listed<T>>>;
  /**
   * Watches from `resourceVersion` until `signal` aborts, reconnecting; when the version has expired it lists again
   * and hands the whole new list to `onRelisted` instead of events.
   */
  watchFrom(
    namespace: string,
    resourceVersion: string,
    onEvent: (event: WatchEvent<T>) => void,
    onRelisted: (list: ObjectList<T>) => void,
    signal: AbortSignal,
  ): Promise<void>;
}

/** How a cache holds each object: as it is (`listedAsIs`), or compactly (`packObject`). */
export type HoldObject<T extends KubeObject> = (object: T) => Listed<T>;

type Keyed = Pick<KubeObject, 'metadata'>;
const keyOf = (o: Keyed) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
const versionOf = (o: Keyed) => Number.parseInt(o.metadata.resourceVersion ?? '', 10) || 0;

/** One scope's objects (a namespace, or every namespace for ''), kept current by one watch. */
class ScopeCache<T extends KubeObject> {
  private readonly objects = new Map<string, Listed<T>>();
  private readonly subscribers = new Set<(event: WatchEvent<T>) => void>();
  private readonly abort = new AbortController();
  private version = 0;
  /** Resolves once the first list is in; rejects (and the scope is dropped) when it fails. */
  readonly ready: Promise<void>;
  lastUsed = Date.now();

  constructor(source: WatchCacheSource<T>, readonly namespace: string, private readonly hold: HoldObject<T>) {
    this.ready = (async () => {
      const list = await source.listAll(namespace, hold);
      for (const held of list.items) this.objects.set(keyOf(held), held);
      this.version = Number.parseInt(list.resourceVersion, 10) || 0;
      await source.watchFrom(namespace, list.resourceVersion, (event) => this.applyEvent(event), (relisted) => this.replace(relisted), this.abort.signal);
    })();
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  get resourceVersion(): string {
    return String(this.version);
  }

  /**
   * A change seen by the watch or written by this process: applied and passed on once, whichever comes first.
   * `held` is what the cache keeps of it (made by `hold` when not given); subscribers get `event()`'s object, which
   * the cache does not keep.
   */
  apply(type: WatchEvent<T>['type'], object: Keyed, event: () => WatchEvent<T>, held?: Listed<T>): void {
    const key = keyOf(object);
    const current = this.objects.get(key);
    this.version = Math.max(this.version, versionOf(object));
    if (type === 'DELETED') {
      if (!current || current.metadata.uid !== object.metadata.uid) return;
      this.objects.delete(key);
    } else {
      if (current && !isNewer(current, object)) return;
      this.objects.set(key, held ?? this.hold(event().object));
    }
    if (!this.subscribers.size) return;
    const passed = event();
    for (const subscriber of this.subscribers) subscriber(passed);
  }

  private applyEvent(event: WatchEvent<T>): void {
    this.apply(event.type, event.object, () => event);
  }

  /** After a relist: what changed is passed on as MODIFIED, what vanished as DELETED. */
  private replace(list: ObjectList<T>): void {
    const keep = new Set<string>();
    for (const object of list.items) {
      keep.add(keyOf(object));
      const current = this.objects.get(keyOf(object));
      if (!current || isNewer(current, object)) this.applyEvent({ type: current ? 'MODIFIED' : 'ADDED', object });
    }
    for (const [key, held] of [...this.objects]) if (!keep.has(key)) this.apply('DELETED', held, () => ({ type: 'DELETED', object: held.read() }));
    this.version = Math.max(this.version, Number.parseInt(list.resourceVersion, 10) || 0);
  }

  list(labelSelector: string | undefined): ObjectList<Listed<T>> {
    this.lastUsed = Date.now();
    const requirements = labelSelector ? parseLabelSelector(labelSelector) : [];
    const items: Listed<T>[] = [];
    for (const object of this.objects.values()) if (!requirements.length || matchesLabels(object.metadata.labels, requirements)) items.push(object);
    return { items, resourceVersion: this.resourceVersion };
  }

  subscribe(onEvent: (event: WatchEvent<T>) => void, signal: AbortSignal): void {
    this.lastUsed = Date.now();
    this.subscribers.add(onEvent);
    signal.addEventListener('abort', () => {
      this.subscribers.delete(onEvent);
      this.lastUsed = Date.now();
    }, { once: true });
  }

  stop(): void {
    this.abort.abort();
  }
}

/**
 * One watch per scope shared by every reader of this process (issue #6: argo-server opens a Kubernetes watch per
 * browser tab): lists are answered from memory, and each watcher is one more subscriber, not one more watch and a
 * full list from the API server. Scopes start on first use and stop after `idleMs` without a reader or subscriber.
 *
 * Each object is held as `hold` makes it: as it is by default (then objects are shared, never copied, and readers
 * must not change what they are given, as with an informer's store), or packed (`packObject`: a summary and the
 * object's compressed JSON; every read is a fresh copy). Subscribers get each event's object as it arrived, which
 * the cache does not keep.
 */
export class WatchCache<T extends KubeObject> {
  private readonly scopes = new Map<string, ScopeCache<T>>();
  private readonly sweeper: NodeJS.Timeout;
  private readonly hold: HoldObject<T>;
  private readonly idleMs: number;

  constructor(private readonly source: WatchCacheSource<T>, options: { hold?: HoldObject<T>; idleMs?: number } = {}) {
    this.hold = options.hold ?? listedAsIs;
    const idleMs = this.idleMs = options.idleMs ?? 10 * 60_000;
    this.sweeper = setInterval(() => this.sweep(), Math.min(idleMs, 60_000));
    this.sweeper.unref();
  }

  private async scope(namespace: string): Promise<ScopeCache<T>> {
    let scope = this.scopes.get(namespace);
    if (!scope) {
      scope = new ScopeCache(this.source, namespace, this.hold);
      const started = scope;
      this.scopes.set(namespace, started);
      // A scope whose first list failed is dropped, so the next reader tries again (and gets the error itself).
      started.ready.catch(() => {
        if (this.scopes.get(namespace) === started) this.scopes.delete(namespace);
        started.stop();
      });
    }
    await scope.ready;
    return scope;
  }

  /** The scope's objects matching `labelSelector` (all when empty), newest known state, as held (read only). */
  async listSummaries(namespace: string, labelSelector?: string): Promise<ObjectList<Listed<T>>> {
    return (await this.scope(namespace)).list(labelSelector);
  }

  /** The scope's objects matching `labelSelector`, each read whole (for a packed cache, parsed: prefer `listSummaries`). */
  async list(namespace: string, labelSelector?: string): Promise<ObjectList<T>> {
    const { items, resourceVersion } = await this.listSummaries(namespace, labelSelector);
    return { items: items.map((held) => held.read()), resourceVersion };
  }

  /** Calls `onEvent` for every change from now until `signal` aborts. */
  async watch(namespace: string, onEvent: (event: WatchEvent<T>) => void, signal: AbortSignal): Promise<void> {
    const scope = await this.scope(namespace);
    if (!signal.aborted) scope.subscribe(onEvent, signal);
  }

  /**
   * A write this process made (create, update, delete), applied at once so the writer reads it back from the next
   * list (its watch event comes later and is then not passed on twice). The writer may go on changing its object:
   * it is held at once (packed, or copied) and subscribers get a copy read from what is held.
   */
  wrote(event: WatchEvent<T>): void {
    const scopes = [event.object.metadata.namespace ?? '', ''].map((namespace) => this.scopes.get(namespace)).filter((scope) => scope !== undefined);
    if (!scopes.length) return;
    // Held as it is, the writer's object would be shared with the cache: a copy then (packing copies anyway).
    const held = this.hold(this.hold === listedAsIs ? structuredClone(event.object) : event.object);
    const { type } = event;
    const object = { metadata: held.metadata };
    let copy: WatchEvent<T> | undefined;
    const passed = () => (copy ??= { type, object: held.read() });
    for (const scope of scopes) void scope.ready.then(() => scope.apply(type, object, passed, held), () => {});
  }

  private sweep(): void {
    const now = Date.now();
    for (const [namespace, scope] of this.scopes) {
      if (scope.subscriberCount === 0 && now - scope.lastUsed > this.idleMs) {
        this.scopes.delete(namespace);
        scope.stop();
      }
    }
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const scope of this.scopes.values()) scope.stop();
    this.scopes.clear();
  }
}
