import type { NodeStatus } from '@/lib/generated/argo';
import { noHistory } from '@/lib/history/job-summary';
import { type JobRef, jobKey } from '@/lib/history/job-ref';
import type { StageRun } from '@/lib/history/stages';
import type { Trigger } from '@/lib/history/trigger';
import type { SqlClient } from '../cluster/sql-client';
import type { SqlSession } from '../archive/sql-session';
import { ensureBuildSchema } from './build-schema';
import type { ArchivedWorkflow, BackfillItem, BuildFacts, BuildProgress, BuildStore, JobHistorySummary, StoredBuild } from './build-store';

type SummaryBuild = { number: number; phase: string; started_at: string | null; finished_at: string | null };
interface StoredSummary { recent: SummaryBuild[]; lastSuccess?: SummaryBuild | null; lastFailed?: SummaryBuild | null; lastError?: SummaryBuild | null }
const fromSummary = (b: SummaryBuild) => ({ number: Number(b.number), phase: b.phase, startedAt: iso(b.started_at), finishedAt: iso(b.finished_at) });

interface SummaryRow { job_kind: JobRef['kind']; job_namespace: string; job_name: string; last_number: number; build_count: number; summary: unknown }
const summaryJob = (row: SummaryRow): JobRef => ({ kind: row.job_kind, namespace: row.job_namespace, name: row.job_name });

function fromSummaryRow(row: SummaryRow): JobHistorySummary {
  const stored = row.summary === null ? undefined : json<StoredSummary>(row.summary);
  const failures = [stored?.lastFailed, stored?.lastError].filter((b): b is SummaryBuild => Boolean(b)).map(fromSummary);
  return {
    recent: (stored?.recent ?? []).map(fromSummary),
    ...(stored?.lastSuccess ? { lastSuccess: fromSummary(stored.lastSuccess) } : {}),
    ...(failures.length ? { lastFailure: failures.sort((x, y) => y.number - x.number)[0] } : {}),
    buildCount: Number(row.build_count),
    lastNumber: Number(row.last_number),
  };
}

interface BuildRow {
  job_kind: string; job_namespace: string; job_name: string; number: number; uid: string; namespace: string; workflow_name: string;
  phase: string; message: string | null; started_at: Date | string | null; finished_at: Date | string | null; created_at: Date | string | null;
  trigger: unknown; parameters: unknown; stages: unknown; live: boolean; archived?: boolean;
}

const columns = `b.job_kind, b.job_namespace, b.job_name, b.number, b.uid, b.namespace, b.workflow_name, b.phase, b.message,
  b.started_at, b.finished_at, b.created_at, b.trigger, b.parameters, b.stages, b.live,
  exists (select 1 from argo_archived_workflows a where a.clustername = b.cluster_name and a.uid = b.uid) as archived`;
// The same columns without the stages, which lists never need and which are the bulk of a row.
const listColumns = columns.replace('b.stages, ', 'null as stages, ');
const jobWhere = (first: number) => `b.cluster_name = $${first} and b.job_kind = $${first + 1} and b.job_namespace = $${first + 2} and b.job_name = $${first + 3}`;

// Only the parts of an archived workflow numbering needs: never the nodes, which are most of its size.
const unnumberedArchivedSql = `select a.uid, a.workflow->'metadata' as metadata,
    jsonb_build_object('arguments', a.workflow->'spec'->'arguments', 'workflowTemplateRef', a.workflow->'spec'->'workflowTemplateRef') as spec,
    jsonb_build_object('phase', a.workflow->'status'->'phase', 'message', a.workflow->'status'->'message',
      'startedAt', a.workflow->'status'->'startedAt', 'finishedAt', a.workflow->'status'->'finishedAt',
      'storedWorkflowTemplateSpec', jsonb_build_object('arguments', a.workflow->'status'->'storedWorkflowTemplateSpec'->'arguments')) as status
  from argo_archived_workflows a
  where a.clustername = $1 and ($2 = '' or a.namespace = $2)
    and not exists (select 1 from capstan_builds b where b.cluster_name = a.clustername and b.uid = a.uid)`;

const iso = (value: Date | string | null): string | null => {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
};
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

function fromRow(row: BuildRow): StoredBuild {
  return {
    job: { kind: row.job_kind as JobRef['kind'], namespace: row.job_namespace, name: row.job_name },
    number: Number(row.number), uid: row.uid, namespace: row.namespace, workflowName: row.workflow_name,
    phase: row.phase, message: row.message, startedAt: iso(row.started_at), finishedAt: iso(row.finished_at), createdAt: iso(row.created_at),
    trigger: json<Trigger>(row.trigger), parameters: json(row.parameters) ?? [], stages: row.stages === null ? null : json<StageRun[]>(row.stages),
    live: row.live, archived: row.archived === true,
  };
}

const uniqueViolation = '23505';

/**
 * Builds and their numbers in SQL (PGlite in embedded mode, the archive's PostgreSQL in kubernetes mode). A number
 * is taken from the job's counter and the build row written in one transaction; the row is unique per uid, so
 * numbering the same workflow twice (the API and the controller racing, or after a crash) gives the same number,
 * and a number is never skipped: a failed insert rolls the counter back with it.
 */
export class SqlBuildStore implements BuildStore {
  /** Who hears, after a commit, which jobs' summaries may have changed (the job catalog keeps them in memory). */
  private readonly summaryListeners = new Set<(job: JobRef) => void>();
  /** The jobs each open transaction has touched, told to the listeners once it commits. */
  private readonly touched = new WeakMap<SqlClient, JobRef[]>();

  constructor(private readonly session: SqlSession, readonly clusterName: string) {}

  /** Calls `listener` with each job whose summary may have changed, after the change is committed; returns an unsubscribe. */
  onSummaryChanged(listener: (job: JobRef) => void): () => void {
    this.summaryListeners.add(listener);
    return () => this.summaryListeners.delete(listener);
  }

  /** `session.transaction`, then the summary listeners for the jobs it touched (only once it committed). */
  private async transaction<R>(work: (tx: SqlClient) => Promise<R>): Promise<R> {
    const touched: JobRef[] = [];
    const result = await this.session.transaction((tx) => {
      this.touched.set(tx, touched);
      return work(tx);
    });
    for (const job of touched) for (const listener of this.summaryListeners) listener(job);
    return result;
  }

  private touch(tx: SqlClient, job: JobRef): void {
    this.touched.get(tx)?.push(job);
  }

  /** A change to a job's builds that another process made (another replica's API numbered a build): tells the listeners. */
  changedElsewhere(job: JobRef): void {
    for (const listener of this.summaryListeners) listener(job);
  }

  static async open(session: SqlSession, clusterName: string): Promise<SqlBuildStore> {
    await ensureBuildSchema(session);
    const store = new SqlBuildStore(session, clusterName);
    await store.refreshMissingSummaries();
    return store;
  }

  /** Computes the summaries of jobs that have none (counters written before summaries existed, or in bulk). */
  async refreshMissingSummaries(): Promise<number> {
    const { rows } = await this.session.query<{ job_kind: JobRef['kind']; job_namespace: string; job_name: string }>(
      `select job_kind, job_namespace, job_name from capstan_build_counters where cluster_name = $1 and summary is null`, [this.clusterName]);
    for (const row of rows) {
      const job = { kind: row.job_kind, namespace: row.job_namespace, name: row.job_name };
      await this.transaction(async (tx) => {
        await this.lockJob(tx, job);
        await this.refreshSummary(tx, job);
      });
    }
    return rows.length;
  }

  private job(job: JobRef): unknown[] {
    return [this.clusterName, job.kind, job.namespace, job.name];
  }

  /** The build of a workflow uid, if numbered. */
  async byUid(uid: string): Promise<StoredBuild | undefined> {
    const { rows } = await this.session.query<BuildRow>(`select ${columns} from capstan_builds b where b.cluster_name = $1 and b.uid = $2`, [this.clusterName, uid]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** One build by number. */
  async get(job: JobRef, number: number): Promise<StoredBuild | undefined> {
    const { rows } = await this.session.query<BuildRow>(`select ${columns} from capstan_builds b where ${jobWhere(1)} and b.number = $5`, [...this.job(job), number]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** The newest build of a workflow name in a namespace (the one `resubmitted-from-workflow` names). */
  async byWorkflowName(namespace: string, name: string): Promise<StoredBuild | undefined> {
    const { rows } = await this.session.query<BuildRow>(
      `select ${listColumns} from capstan_builds b where b.cluster_name = $1 and b.namespace = $2 and b.workflow_name = $3 order by b.created_at desc nulls last limit 1`,
      [this.clusterName, namespace, name],
    );
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** Numbers a build: its existing number when the uid has one, else the job's next. */
  async assign(job: JobRef, facts: BuildFacts): Promise<{ number: number; created: boolean }> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.transaction(async (tx) => {
          const existing = await tx.query<{ number: number }>(`select number from capstan_builds where cluster_name = $1 and uid = $2`, [this.clusterName, facts.uid]);
          if (existing.rows[0]) return { number: Number(existing.rows[0].number), created: false };
          const { rows } = await tx.query<{ last_number: number }>(
            `insert into capstan_build_counters (cluster_name, job_kind, job_namespace, job_name, last_number, build_count) values ($1, $2, $3, $4, 1, 1)
             on conflict (cluster_name, job_kind, job_namespace, job_name)
             do update set last_number = capstan_build_counters.last_number + 1, build_count = capstan_build_counters.build_count + 1
             returning last_number`,
            this.job(job),
          );
          const number = Number(rows[0]?.last_number);
          // Another numbering of this uid committed meanwhile: roll back (the counter step with it) and read its number.
          if (!(await this.insert(tx, job, number, facts))) throw Object.assign(new Error('uid numbered concurrently'), { code: uniqueViolation });
          await this.refreshSummary(tx, job);
          return { number, created: true };
        });
      } catch (error) {
        // Two numberings of one uid at once: the loser's transaction (and its counter step) rolled back; read the winner's.
        if ((error as { code?: string }).code === uniqueViolation && attempt < 3) continue;
        throw error;
      }
    }
  }

  /** Records a build under the number it already carries (a label written before), moving the counter past it. */
  async keep(job: JobRef, number: number, facts: BuildFacts): Promise<boolean> {
    try {
      return await this.transaction(async (tx) => {
        const inserted = await this.insert(tx, job, number, facts);
        if (!inserted) return false;
        await tx.query(
          `insert into capstan_build_counters (cluster_name, job_kind, job_namespace, job_name, last_number, build_count) values ($1, $2, $3, $4, $5, 1)
           on conflict (cluster_name, job_kind, job_namespace, job_name)
           do update set last_number = greatest(capstan_build_counters.last_number, excluded.last_number), build_count = capstan_build_counters.build_count + 1`,
          [...this.job(job), number],
        );
        await this.refreshSummary(tx, job);
        return true;
      });
    } catch (error) {
      if ((error as { code?: string }).code === uniqueViolation) return false;
      throw error;
    }
  }

  private async insert(tx: SqlClient, job: JobRef, number: number, f: BuildFacts): Promise<boolean> {
    const { rows } = await tx.query(
      `insert into capstan_builds (cluster_name, job_kind, job_namespace, job_name, number, uid, namespace, workflow_name, phase, message,
         started_at, finished_at, created_at, trigger, parameters, stages)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14::jsonb, $15::jsonb, $16::jsonb)
       on conflict (cluster_name, uid) do nothing returning number`,
      [...this.job(job), number, f.uid, f.namespace, f.workflowName, f.phase, f.message, f.startedAt, f.finishedAt, f.createdAt,
        JSON.stringify(f.trigger), JSON.stringify(f.parameters), f.stages ? JSON.stringify(f.stages) : null],
    );
    return rows.length > 0;
  }

  /** Updates what changes while a build runs (stages and parameters only when given), and its job's summary. */
  async update(uid: string, f: BuildProgress): Promise<void> {
    await this.transaction(async (tx) => {
      const { rows } = await tx.query<{ job_kind: JobRef['kind']; job_namespace: string; job_name: string }>(
        `select job_kind, job_namespace, job_name from capstan_builds where cluster_name = $1 and uid = $2`, [this.clusterName, uid]);
      const row = rows[0];
      if (!row) return;
      const job = { kind: row.job_kind, namespace: row.job_namespace, name: row.job_name };
      await this.lockJob(tx, job);
      await tx.query(
        `update capstan_builds set phase = $3, message = $4, started_at = $5, finished_at = $6, live = true,
           stages = coalesce($7::jsonb, stages), parameters = coalesce($8::jsonb, parameters)
         where cluster_name = $1 and uid = $2`,
        [this.clusterName, uid, f.phase, f.message, f.startedAt, f.finishedAt, f.stages ? JSON.stringify(f.stages) : null,
          f.parameters ? JSON.stringify(f.parameters) : null],
      );
      await this.refreshSummary(tx, job);
    });
  }

  /** Records the stages of completed builds, many at once. */
  async setStages(stages: { uid: string; stages: StageRun[] }[]): Promise<void> {
    if (!stages.length) return;
    await this.session.query(
      `update capstan_builds b set stages = v.stages from unnest($2::text[], $3::jsonb[]) as v(uid, stages)
       where b.cluster_name = $1 and b.uid = v.uid`,
      [this.clusterName, stages.map((s) => s.uid), stages.map((s) => JSON.stringify(s.stages))],
    );
  }

  /** The status nodes of archived workflows, in one read (the stage view of builds archived before it was kept). */
  async archivedNodes(uids: string[]): Promise<Map<string, Record<string, NodeStatus> | undefined>> {
    if (!uids.length) return new Map();
    const { rows } = await this.session.query<{ uid: string; nodes: unknown }>(
      `select uid, workflow->'status'->'nodes' as nodes from argo_archived_workflows where clustername = $1 and uid = any($2::text[])`,
      [this.clusterName, uids],
    );
    return new Map(rows.map((r) => [r.uid, r.nodes === null ? undefined : json<Record<string, NodeStatus>>(r.nodes)]));
  }

  /** Archived workflows with no build yet, trimmed to what numbering needs. */
  async unnumberedArchived(namespace: string): Promise<ArchivedWorkflow[]> {
    const { rows } = await this.session.query<{ metadata: unknown; spec: unknown; status: unknown }>(unnumberedArchivedSql, [this.clusterName, namespace]);
    return rows.map((r) => ({ metadata: json(r.metadata), spec: json(r.spec), status: json(r.status) }) as ArchivedWorkflow);
  }

  /** The workflow left the cluster (deleted; it may live on in the archive). */
  async markGone(uid: string): Promise<void> {
    await this.session.query(`update capstan_builds set live = false where cluster_name = $1 and uid = $2 and live`, [this.clusterName, uid]);
  }

  /** Builds still marked live, for reconciling with the cluster at start. */
  async liveUids(namespace = ''): Promise<string[]> {
    const { rows } = await this.session.query<{ uid: string }>(
      `select uid from capstan_builds where cluster_name = $1 and live and ($2 = '' or namespace = $2)`, [this.clusterName, namespace]);
    return rows.map((r) => r.uid);
  }

  /** A page of builds newest first: `before` is exclusive (keyset pagination on the primary key). */
  async page(job: JobRef, limit: number, before?: number, withStages = false): Promise<StoredBuild[]> {
    const params = [...this.job(job), limit];
    const older = before !== undefined ? ` and b.number < $${params.push(before)}` : '';
    const { rows } = await this.session.query<BuildRow>(
      `select ${withStages ? columns : listColumns} from capstan_builds b where ${jobWhere(1)}${older} order by b.number desc limit $5`,
      params,
    );
    return rows.map(fromRow);
  }

  /** The nearest existing builds before and after a number. */
  async neighbours(job: JobRef, number: number): Promise<{ previous?: StoredBuild; next?: StoredBuild }> {
    const [previous] = await this.page(job, 1, number);
    const { rows } = await this.session.query<BuildRow>(
      `select ${listColumns} from capstan_builds b where ${jobWhere(1)} and b.number > $5 order by b.number asc limit 1`,
      [...this.job(job), number],
    );
    return { previous, next: rows[0] ? fromRow(rows[0]) : undefined };
  }

  /** Completed builds newest first (number, phase and times only), optionally only those run with given parameter values (trends). */
  async completed(job: JobRef, limit: number, parameters: { name: string; value: string }[] = []): Promise<StoredBuild[]> {
    const { sql, params } = this.completedQuery(job, limit, parameters);
    const { rows } = await this.session.query<BuildRow>(
      `select b.job_kind, b.job_namespace, b.job_name, b.number, '' as uid, '' as namespace, '' as workflow_name, b.phase, null as message,
         b.started_at, b.finished_at, null as created_at, '{}'::jsonb as trigger, '[]'::jsonb as parameters, null as stages, b.live
       from (${sql}) b order by b.number desc`,
      params,
    );
    return rows.map(fromRow);
  }

  /** The distinct values (up to `perName` each) of every parameter over the last `limit` completed builds. */
  async parameterValues(job: JobRef, limit: number, perName = 50): Promise<Record<string, string[]>> {
    const { sql, params } = this.completedQuery(job, limit, []);
    const { rows } = await this.session.query<{ name: string; values: string[] }>(
      `select p.name, (array_agg(distinct p.value order by p.value))[1:${Math.floor(perName)}] as values
       from (${sql}) b cross join lateral jsonb_to_recordset(b.parameters) as p(name text, value text) group by p.name order by p.name`,
      params,
    );
    return Object.fromEntries(rows.map((r) => [r.name, r.values]));
  }

  private completedQuery(job: JobRef, limit: number, parameters: { name: string; value: string }[]) {
    const params: unknown[] = [...this.job(job), limit];
    const filter = parameters.map((p) => ` and b.parameters @> $${params.push(JSON.stringify([p]))}::jsonb`).join('');
    // Not `phase in (...)`: a negative test keeps the planner on the primary key, newest first, stopping after `limit`.
    const sql = `select * from capstan_builds b where ${jobWhere(1)} and b.phase <> all(array['', 'Pending', 'Running'])${filter} order by b.number desc limit $5`;
    return { sql, params };
  }

  /** Last builds, last success and failure, count and counter of many jobs at once (the job list), by `jobKey`. */
  async summaries(jobs: JobRef[]): Promise<Map<string, JobHistorySummary>> {
    const result = new Map<string, JobHistorySummary>();
    for (const job of jobs) result.set(jobKey(job), noHistory);
    if (!jobs.length) return result;
    const { rows } = await this.session.query<SummaryRow>(
      `select c.job_kind, c.job_namespace, c.job_name, c.last_number, c.build_count, c.summary from capstan_build_counters c
       join unnest($2::text[], $3::text[], $4::text[]) as j(kind, ns, name) on c.job_kind = j.kind and c.job_namespace = j.ns and c.job_name = j.name
       where c.cluster_name = $1`,
      [this.clusterName, jobs.map((j) => j.kind), jobs.map((j) => j.namespace), jobs.map((j) => j.name)],
    );
    for (const row of rows) result.set(jobKey(summaryJob(row)), fromSummaryRow(row));
    return result;
  }

  /** The summaries of every job of this cluster that has builds, by job key (one scan, for the job catalog). */
  async allSummaries(): Promise<Map<string, JobHistorySummary>> {
    const { rows } = await this.session.query<SummaryRow>(
      `select c.job_kind, c.job_namespace, c.job_name, c.last_number, c.build_count, c.summary from capstan_build_counters c where c.cluster_name = $1`,
      [this.clusterName],
    );
    return new Map(rows.map((row) => [jobKey(summaryJob(row)), fromSummaryRow(row)]));
  }

  /**
   * Recomputes a job's summary from its builds. Run inside the transaction that changed them, after the job's
   * counter row is locked, so this statement's snapshot sees every other change to the job (they wait on that lock).
   */
  private async refreshSummary(tx: SqlClient, job: JobRef): Promise<void> {
    this.touch(tx, job);
    const pick = (condition: string, limit: number) =>
      `select b.number, b.phase, b.started_at, b.finished_at from capstan_builds b where ${jobWhere(1)}${condition} order by b.number desc limit ${limit}`;
    await tx.query(
      `update capstan_build_counters set summary = jsonb_build_object(
         'recent', coalesce((select jsonb_agg(to_jsonb(r) order by r.number desc) from (${pick('', 5)}) r), '[]'::jsonb),
         'lastSuccess', (select to_jsonb(r) from (${pick(` and b.phase = 'Succeeded'`, 1)}) r),
         'lastFailed', (select to_jsonb(r) from (${pick(` and b.phase = 'Failed'`, 1)}) r),
         'lastError', (select to_jsonb(r) from (${pick(` and b.phase = 'Error'`, 1)}) r))
       where cluster_name = $1 and job_kind = $2 and job_namespace = $3 and job_name = $4`,
      this.job(job),
    );
  }

  private async lockJob(tx: SqlClient, job: JobRef): Promise<void> {
    await tx.query(
      `insert into capstan_build_counters (cluster_name, job_kind, job_namespace, job_name, last_number, build_count) values ($1, $2, $3, $4, 0, 0)
       on conflict do nothing`, this.job(job));
    await tx.query(`select 1 from capstan_build_counters where cluster_name = $1 and job_kind = $2 and job_namespace = $3 and job_name = $4 for update`, this.job(job));
  }

  /**
   * The build discarder: deletes completed builds beyond the newest `keep` (running ones are never discarded);
   * returns the uids deleted, so their archived copies can go too.
   */
  async discard(job: JobRef, keep: number): Promise<{ uid: string; namespace: string; workflowName: string }[]> {
    return this.transaction(async (tx) => {
      await this.lockJob(tx, job);
      const { rows } = await tx.query<{ uid: string; namespace: string; workflow_name: string }>(
        `delete from capstan_builds b where ${jobWhere(1)} and b.phase in ('Succeeded', 'Failed', 'Error')
           and b.number <= (select number from capstan_builds c where c.cluster_name = $1 and c.job_kind = $2 and c.job_namespace = $3 and c.job_name = $4
                            order by c.number desc offset $5 limit 1)
         returning uid, namespace, workflow_name`,
        [...this.job(job), Math.max(1, Math.floor(keep))],
      );
      if (rows.length) {
        await tx.query(`update capstan_build_counters set build_count = greatest(0, build_count - $5)
          where cluster_name = $1 and job_kind = $2 and job_namespace = $3 and job_name = $4`, [...this.job(job), rows.length]);
        await this.refreshSummary(tx, job);
      }
      return rows.map((r) => ({ uid: r.uid, namespace: r.namespace, workflowName: r.workflow_name }));
    });
  }

  /** Which of these uids have a build already. */
  async knownUids(uids: string[]): Promise<Set<string>> {
    if (!uids.length) return new Set();
    const { rows } = await this.session.query<{ uid: string }>(`select uid from capstan_builds where cluster_name = $1 and uid = any($2::text[])`, [this.clusterName, uids]);
    return new Set(rows.map((r) => r.uid));
  }

  /**
   * Numbers many builds of one job at once (first sight of pre-existing workflows): those labelled with a number
   * nobody holds keep it, the others get the next numbers in the order given. One transaction; the counter row is
   * locked for it, so it never interleaves with a concurrent `assign`.
   */
  async backfill(job: JobRef, items: BackfillItem[]): Promise<number> {
    if (!items.length) return 0;
    return this.transaction(async (tx) => {
      await this.lockJob(tx, job);
      const counter = await tx.query<{ last_number: number }>(
        `select last_number from capstan_build_counters where cluster_name = $1 and job_kind = $2 and job_namespace = $3 and job_name = $4`, this.job(job));
      const wanted = items.map((i) => i.labelled).filter((n): n is number => n !== undefined);
      const taken = new Set((await tx.query<{ number: number }>(
        `select number from capstan_builds b where ${jobWhere(1)} and b.number = any($5::int[])`, [...this.job(job), wanted])).rows.map((r) => Number(r.number)));
      const rows: { number: number; facts: BuildFacts }[] = [];
      const rest: typeof items = [];
      for (const item of items) {
        if (item.labelled !== undefined && !taken.has(item.labelled)) {
          taken.add(item.labelled);
          rows.push({ number: item.labelled, facts: item.facts });
        } else rest.push(item);
      }
      let last = Math.max(Number(counter.rows[0]?.last_number ?? 0), ...rows.map((r) => r.number));
      for (const item of rest) {
        const facts = item.labelled !== undefined && item.copyTrigger ? { ...item.facts, trigger: item.copyTrigger(item.labelled) } : item.facts;
        rows.push({ number: ++last, facts });
      }
      let inserted = 0;
      for (let at = 0; at < rows.length; at += 400) {
        inserted += await this.insertMany(tx, job, rows.slice(at, at + 400));
      }
      await tx.query(
        `update capstan_build_counters set last_number = greatest(last_number, $5), build_count = build_count + $6
         where cluster_name = $1 and job_kind = $2 and job_namespace = $3 and job_name = $4`, [...this.job(job), last, inserted]);
      await this.refreshSummary(tx, job);
      return inserted;
    });
  }

  private async insertMany(tx: SqlClient, job: JobRef, rows: { number: number; facts: BuildFacts }[]): Promise<number> {
    const params: unknown[] = [...this.job(job)];
    const values = rows.map(({ number, facts: f }) => {
      const at = params.length;
      params.push(number, f.uid, f.namespace, f.workflowName, f.phase, f.message, f.startedAt, f.finishedAt, f.createdAt,
        JSON.stringify(f.trigger), JSON.stringify(f.parameters), f.stages ? JSON.stringify(f.stages) : null);
      const p = (i: number) => `$${at + i}`;
      return `($1, $2, $3, $4, ${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}, ${p(8)}, ${p(9)}, ${p(10)}::jsonb, ${p(11)}::jsonb, ${p(12)}::jsonb)`;
    });
    const { rows: inserted } = await tx.query(
      `insert into capstan_builds (cluster_name, job_kind, job_namespace, job_name, number, uid, namespace, workflow_name, phase, message,
         started_at, finished_at, created_at, trigger, parameters, stages)
       values ${values.join(', ')} on conflict do nothing returning number`,
      params,
    );
    return inserted.length;
  }
}
