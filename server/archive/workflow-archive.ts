import type { NodeStatus, Workflow } from '@/lib/generated/argo';
import type { ArchiveFilter, ArchiveListOptions } from './archive-filter';
import { type ArchiveScope, archiveTable, buildArchiveWhere, buildListQuery, labelsTable } from './archive-query';
import { type ArchiveListRow, fromListRow, fromStoredWorkflow, toArchiveRecord } from './archive-records';
import { argoMigrations } from './argo-migrations';
import { migrate } from './migrate';
import { type SqlSession, sqlLiteral } from './sql-session';

export interface ArchiveSettings extends ArchiveScope {
  /** `persistence.postgresql.tableName`: the node status offload table, which Argo's migrations also create. */
  tableName: string;
}

/**
 * Argo's workflow archive (`persist/sqldb/workflow_archive.go`) on PostgreSQL or PGlite: the same tables, rows and
 * queries, so Capstan and Argo read each other's records.
 */
export class WorkflowArchive {
  readonly scope: ArchiveScope;

  private constructor(private readonly session: SqlSession, private readonly settings: ArchiveSettings) {
    this.scope = { clusterName: settings.clusterName, instanceId: settings.instanceId };
  }

  /** Runs Argo's migrations to completion (a no-op when done; skipped with `migrate: false`), then opens the archive. */
  static async open(session: SqlSession, settings: ArchiveSettings, options: { migrate?: boolean } = {}) {
    const steps = argoMigrations(settings.clusterName, settings.tableName);
    const schemaVersion = options.migrate === false ? undefined : await migrate(session, steps);
    return { archive: new WorkflowArchive(session, settings), schemaVersion };
  }

  /** Writes a workflow (replacing an earlier record of the same uid) and its label rows in one transaction. */
  archive(workflow: Workflow): Promise<void> {
    return this.archiveMany([workflow]);
  }

  /**
   * Writes several workflows as `archive` does each, in one round trip of four statements whatever their number, as
   * one transaction (Argo's writes one workflow per transaction, one statement per label): a burst of completions is
   * not a burst of round trips. Of two with the same uid, the later one is written.
   */
  async archiveMany(workflows: Workflow[]): Promise<void> {
    const byUid = new Map(workflows.map((w) => [w.metadata.uid ?? '', toArchiveRecord(w, this.scope)]));
    const records = [...byUid.values()];
    if (!records.length) return;
    const cluster = sqlLiteral(this.scope.clusterName);
    const uids = records.map((r) => sqlLiteral(r.uid)).join(', ');
    const rows = records.map((r) => `(${[
      cluster, sqlLiteral(r.instanceid), sqlLiteral(r.uid), sqlLiteral(r.name), sqlLiteral(r.namespace), sqlLiteral(r.phase),
      `${sqlLiteral(r.startedat)}::timestamp`, `${sqlLiteral(r.finishedat)}::timestamp`, `${sqlLiteral(r.creationtimestamp)}::timestamp`,
      `${sqlLiteral(r.workflow)}::jsonb`,
    ].join(', ')})`);
    const labels = records.flatMap((r) => r.labels.map(([name, value]) => `(${cluster}, ${sqlLiteral(r.uid)}, ${sqlLiteral(name)}, ${sqlLiteral(value)})`));
    await this.session.script([
      `delete from ${archiveTable} where clustername = ${cluster} and instanceid = ${sqlLiteral(this.scope.instanceId)} and uid in (${uids})`,
      `insert into ${archiveTable} (clustername, instanceid, uid, name, namespace, phase, startedat, finishedat, creationtimestamp, workflow) values ${rows.join(', ')}`,
      `delete from ${labelsTable} where clustername = ${cluster} and uid in (${uids})`,
      ...(labels.length ? [`insert into ${labelsTable} (clustername, uid, name, value) values ${labels.join(', ')}`] : []),
    ].join(';\n'));
  }

  /** Summaries, newest started first, one page of `limit` from `offset` (all when `limit` is 0). */
  async list(options: ArchiveListOptions): Promise<Workflow[]> {
    const query = buildListQuery(this.scope, options, options);
    const { rows } = await this.session.query<ArchiveListRow>(query.sql, query.params);
    return rows.map(fromListRow);
  }

  async count(filter: ArchiveFilter): Promise<number> {
    const where = buildArchiveWhere(this.scope, filter);
    const { rows } = await this.session.query<{ total: string | number }>(`select count(*) as total from ${archiveTable} where ${where.sql}`, where.params);
    return Number(rows[0]?.total ?? 0);
  }

  /** One archived workflow by uid, or the latest started one by namespace and name; undefined when none. */
  async get(by: { uid: string } | { namespace: string; name: string }): Promise<Workflow | undefined> {
    const where = buildArchiveWhere(this.scope, 'uid' in by ? {} : { namespace: by.namespace, name: by.name });
    const params = [...where.params];
    const condition = 'uid' in by ? ` and uid = $${params.push(by.uid)}` : '';
    const { rows } = await this.session.query<{ workflow: string }>(
      `select workflow::text as workflow from ${archiveTable} where ${where.sql}${condition} order by startedat desc limit 1`,
      params,
    );
    return rows[0] ? fromStoredWorkflow(rows[0].workflow) : undefined;
  }

  /** Deletes one record (its label rows go with it: `on delete cascade`). */
  async delete(uid: string): Promise<void> {
    await this.session.query(`delete from ${archiveTable} where clustername = $1 and instanceid = $2 and uid = $3`, [
      this.scope.clusterName, this.scope.instanceId, uid,
    ]);
  }

  /** `archiveTTL`: deletes records that finished longer ago than `ttlSeconds`; returns how many. */
  async deleteExpired(ttlSeconds: number): Promise<number> {
    const { rows } = await this.session.query(
      `delete from ${archiveTable} where clustername = $1 and instanceid = $2
       and finishedat < (now() at time zone 'UTC') - make_interval(secs => $3) returning uid`,
      [this.scope.clusterName, this.scope.instanceId, ttlSeconds],
    );
    return rows.length;
  }

  /** Every label key of every archived workflow (as Argo: across clusters). */
  async labelKeys(): Promise<string[]> {
    const { rows } = await this.session.query<{ name: string }>(`select distinct name from ${labelsTable}`);
    return rows.map((r) => r.name);
  }

  async labelValues(key: string): Promise<string[]> {
    const { rows } = await this.session.query<{ value: string }>(`select distinct value from ${labelsTable} where name = $1`, [key]);
    return rows.map((r) => r.value);
  }

  /** Node statuses Argo offloaded for a live workflow (`nodeStatusOffLoad`), so it can be archived whole. */
  async offloadedNodes(uid: string, version: string): Promise<Record<string, NodeStatus> | undefined> {
    const { rows } = await this.session.query<{ nodes: string }>(
      `select nodes::text as nodes from ${this.settings.tableName} where clustername = $1 and uid = $2 and version = $3`,
      [this.scope.clusterName, uid, version],
    );
    return rows[0] ? JSON.parse(rows[0].nodes) : undefined;
  }

  /** The archive's database, for Capstan's own tables beside Argo's (build history). */
  get sql(): SqlSession {
    return this.session;
  }

  close(): Promise<void> {
    return this.session.close();
  }
}
