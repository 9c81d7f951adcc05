import { EventEmitter } from 'node:events';
import { alreadyExists, conflict, invalidArgument, notFound } from '@/lib/api-error';
import { isParsableLabelSelector, matchesLabels, parseLabelSelector } from '@/lib/k8s/label-selector';
import type { EventCountPatch, KubeEventBody } from '@/lib/k8s/kube-event';
import { type KubeObject, prepareForCreate, toKubeTime, validateObjectName } from '@/lib/k8s/object';
import { type ResourcePlural, qualifiedName, resourceKinds } from '@/lib/k8s/resource-kinds';
import type { ClusterPort, ListOptions, Listed, ObjectList, WatchEvent } from './cluster-port';
import { listedAsIs, packObject } from './listed-object';
import { newCreateContext } from './random-names';
import type { SqlClient } from './sql-client';
import { WatchCache } from './watch-cache';
import { inProcessWatchCacheSource } from './watch-cache-source';

// One table holds every kind: resources are JSON documents addressed like Kubernetes objects, and a
// single sequence gives the store-wide resourceVersion order that watches rely on. The body is `json`,
// not `jsonb`, so objects come back with their keys in the order they were written.
const schema = [
  `CREATE TABLE IF NOT EXISTS capstan_resources (
     plural text NOT NULL,
     namespace text NOT NULL,
     name text NOT NULL,
     uid text NOT NULL,
     resource_version bigint NOT NULL,
     body json NOT NULL,
     PRIMARY KEY (plural, namespace, name))`,
  'CREATE SEQUENCE IF NOT EXISTS capstan_resource_version',
];

/** How many Events embedded mode keeps: Kubernetes expires them an hour after they were last seen. */
export const eventRetention = { ttlMs: 3_600_000, perNamespace: 2_000, pruneEvery: 100 };

interface Row {
  body: KubeObject;
  resource_version: string | number;
}

/** Resources in a SQL database (PGlite in embedded mode, or PostgreSQL): the embedded adapter's store. */
export class SqlResourceStore implements ClusterPort {
  readonly name = 'embedded' as const;
  private readonly events = new EventEmitter();
  // Events created per namespace since start: every `eventRetention.pruneEvery`th (the first too) prunes old ones.
  private readonly eventsRecorded = new Map<string, number>();
  /**
   * Workflows listed from memory, as the kubernetes adapter's shared cache does: a list read and parsed every
   * workflow's whole body from the database, and waited behind the status writes of every running workflow
   * (the dashboard's first page took seconds while 1,000 workflows ran). The cache holds copies: writers may
   * go on changing the objects they were given (an event may wait in the source until the first list is in). Held
   * packed, as the kubernetes adapter's (`packObject`).
   */
  private readonly workflowCache = new WatchCache<KubeObject>(inProcessWatchCacheSource(
    (namespace) => this.listStored('workflows', namespace),
    (namespace, onEvent, signal) => this.watch('workflows', namespace, (event) => onEvent({ type: event.type, object: structuredClone(event.object) }), signal),
  ), { hold: packObject });

  private constructor(private readonly sql: SqlClient, private readonly onClose: () => Promise<void>) {
    this.events.setMaxListeners(0);
  }

  static async open(sql: SqlClient, onClose: () => Promise<void> = async () => {}): Promise<SqlResourceStore> {
    for (const statement of schema) await sql.query(statement);
    return new SqlResourceStore(sql, onClose);
  }

  private scope(plural: ResourcePlural, namespace: string): string {
    return resourceKinds[plural].namespaced ? namespace : '';
  }

  private withVersion<T extends KubeObject>(row: Row): T {
    const body = row.body as T;
    return { ...body, metadata: { ...body.metadata, resourceVersion: String(row.resource_version) } };
  }

  async get<T extends KubeObject>(plural: ResourcePlural, namespace: string, name: string): Promise<T> {
    const { rows } = await this.sql.query<Row>(
      'SELECT body, resource_version FROM capstan_resources WHERE plural = $1 AND namespace = $2 AND name = $3',
      [plural, this.scope(plural, namespace), name],
    );
    if (!rows[0]) throw notFound(qualifiedName(plural), name);
    return this.withVersion<T>(rows[0]);
  }

  async list<T extends KubeObject>(plural: ResourcePlural, namespace: string, options: ListOptions = {}): Promise<ObjectList<T>> {
    if (plural === 'workflows' && !options.limit && !options.continue && isParsableLabelSelector(options.labelSelector)) {
      return await this.workflowCache.list(namespace, options.labelSelector) as ObjectList<T>;
    }
    return this.listStored(plural, namespace, options);
  }

  async listSummaries<T extends KubeObject>(plural: ResourcePlural, namespace: string, options: { labelSelector?: string } = {}): Promise<ObjectList<Listed<T>>> {
    if (plural === 'workflows' && isParsableLabelSelector(options.labelSelector)) {
      return await this.workflowCache.listSummaries(namespace, options.labelSelector) as ObjectList<Listed<T>>;
    }
    const { items, resourceVersion } = await this.listStored<T>(plural, namespace, options);
    return { items: items.map(listedAsIs), resourceVersion };
  }

  private async listStored<T extends KubeObject>(plural: ResourcePlural, namespace: string, options: ListOptions = {}): Promise<ObjectList<T>> {
    let requirements;
    try {
      requirements = parseLabelSelector(options.labelSelector ?? '');
    } catch (error) {
      throw invalidArgument((error as Error).message);
    }
    const scoped = this.scope(plural, namespace);
    const { rows } = await this.sql.query<Row>(
      `SELECT body, resource_version FROM capstan_resources WHERE plural = $1 AND ($2 = '' OR namespace = $2)
       ORDER BY namespace, name`,
      [plural, scoped],
    );
    const { rows: versionRows } = await this.sql.query<{ v: string }>('SELECT last_value AS v FROM capstan_resource_version');
    const matching = rows.map((r) => this.withVersion<T>(r)).filter((o) => matchesLabels(o.metadata.labels, requirements));
    const offset = options.continue ? Number.parseInt(options.continue, 10) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw invalidArgument(`invalid continue token "${options.continue}"`);
    const limit = options.limit && options.limit > 0 ? options.limit : matching.length;
    const items = matching.slice(offset, offset + limit);
    const next = offset + items.length < matching.length ? String(offset + items.length) : undefined;
    return { items, resourceVersion: String(versionRows[0]?.v ?? '0'), ...(next ? { continue: next } : {}) };
  }

  async create<T extends KubeObject>(plural: ResourcePlural, namespace: string, object: T): Promise<T> {
    const kind = resourceKinds[plural];
    const prepared = prepareForCreate(object, newCreateContext());
    const name = prepared.metadata.name;
    if (!name) throw invalidArgument('metadata.name or metadata.generateName is required');
    const nameProblem = validateObjectName(name);
    if (nameProblem) throw invalidArgument(`${kind.kind}.${kind.group} "${name}" is invalid: metadata.name: ${nameProblem}`);
    const scoped = this.scope(plural, namespace || prepared.metadata.namespace || '');
    if (kind.namespaced && !scoped) throw invalidArgument('a namespace is required');
    const body: KubeObject = {
      ...prepared,
      apiVersion: kind.group ? `${kind.group}/${kind.version}` : kind.version,
      kind: kind.kind,
      metadata: { ...prepared.metadata, ...(kind.namespaced ? { namespace: scoped } : {}) },
    };
    const { rows } = await this.sql.query<Row>(
      `INSERT INTO capstan_resources (plural, namespace, name, uid, resource_version, body)
       VALUES ($1, $2, $3, $4, nextval('capstan_resource_version'), $5)
       ON CONFLICT DO NOTHING RETURNING body, resource_version`,
      [plural, scoped, name, body.metadata.uid, JSON.stringify(body)],
    );
    if (!rows[0]) throw alreadyExists(qualifiedName(plural), name);
    const created = this.withVersion<T>(rows[0]);
    this.emit(plural, { type: 'ADDED', object: created });
    return created;
  }

  async update<T extends KubeObject>(plural: ResourcePlural, namespace: string, object: T): Promise<T> {
    const name = object.metadata.name ?? '';
    const scoped = this.scope(plural, namespace || object.metadata.namespace || '');
    const current = await this.get<T>(plural, scoped, name);
    const expected = object.metadata.resourceVersion;
    if (expected && expected !== current.metadata.resourceVersion) throw conflict(qualifiedName(plural), name);
    // Server-owned fields cannot be changed by an update.
    const metadata = {
      ...object.metadata,
      uid: current.metadata.uid,
      creationTimestamp: current.metadata.creationTimestamp,
      namespace: current.metadata.namespace,
      generation: (current.metadata.generation ?? 1) + (specChanged(current, object) ? 1 : 0),
    };
    delete metadata.resourceVersion;
    const body = { ...object, apiVersion: current.apiVersion, kind: current.kind, metadata };
    const { rows } = await this.sql.query<Row>(
      `UPDATE capstan_resources SET body = $4, resource_version = nextval('capstan_resource_version')
       WHERE plural = $1 AND namespace = $2 AND name = $3 AND resource_version = $5 RETURNING body, resource_version`,
      [plural, scoped, name, JSON.stringify(body), current.metadata.resourceVersion],
    );
    if (!rows[0]) throw conflict(qualifiedName(plural), name);
    const updated = this.withVersion<T>(rows[0]);
    this.emit(plural, { type: 'MODIFIED', object: updated });
    return updated;
  }

  async delete(plural: ResourcePlural, namespace: string, name: string): Promise<void> {
    const { rows } = await this.sql.query<Row>(
      'DELETE FROM capstan_resources WHERE plural = $1 AND namespace = $2 AND name = $3 RETURNING body, resource_version',
      [plural, this.scope(plural, namespace), name],
    );
    if (!rows[0]) throw notFound(qualifiedName(plural), name);
    this.emit(plural, { type: 'DELETED', object: this.withVersion(rows[0]) });
  }

  async watch<T extends KubeObject>(
    plural: ResourcePlural,
    namespace: string,
    onEvent: (event: WatchEvent<T>) => void,
    signal: AbortSignal,
  ): Promise<void> {
    const scoped = this.scope(plural, namespace);
    const listener = (event: WatchEvent<T>) => {
      if (!scoped || event.object.metadata.namespace === scoped) onEvent(event);
    };
    this.events.on(plural, listener);
    signal.addEventListener('abort', () => this.events.off(plural, listener), { once: true });
  }

  private emit(plural: ResourcePlural, event: WatchEvent): void {
    this.events.emit(plural, event);
  }

  async recordEvent(event: KubeEventBody): Promise<void> {
    const namespace = event.metadata.namespace;
    await this.create('events', namespace, event as unknown as KubeObject);
    const recorded = (this.eventsRecorded.get(namespace) ?? 0) + 1;
    this.eventsRecorded.set(namespace, recorded);
    if (recorded % eventRetention.pruneEvery === 1) await this.pruneEvents(namespace, new Date());
  }

  async patchEvent(namespace: string, name: string, patch: EventCountPatch): Promise<void> {
    const current = await this.get<KubeObject>('events', namespace, name);
    await this.update('events', namespace, { ...current, ...patch });
  }

  /**
   * Deletes a namespace's Events last seen more than an hour ago (the API server's --event-ttl) and all but its
   * newest `eventRetention.perNamespace`, so a store running thousands of workflows keeps a bounded number.
   */
  async pruneEvents(namespace: string, now: Date): Promise<number> {
    const expired = toKubeTime(new Date(now.getTime() - eventRetention.ttlMs));
    const { rows } = await this.sql.query<Row>(
      `DELETE FROM capstan_resources WHERE plural = 'events' AND namespace = $1 AND (
         (body->>'lastTimestamp') < $2 OR resource_version <= (
           SELECT resource_version FROM capstan_resources WHERE plural = 'events' AND namespace = $1
           ORDER BY resource_version DESC OFFSET $3 LIMIT 1))
       RETURNING body, resource_version`,
      [namespace, expired, eventRetention.perNamespace],
    );
    for (const row of rows) this.emit('events', { type: 'DELETED', object: this.withVersion(row) });
    return rows.length;
  }

  close(): Promise<void> {
    this.workflowCache.close();
    this.events.removeAllListeners();
    return this.onClose();
  }
}


function specChanged(before: KubeObject, after: KubeObject): boolean {
  return JSON.stringify(before['spec']) !== JSON.stringify(after['spec']);
}
