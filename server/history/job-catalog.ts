import { type JobDescription, describeJob } from '@/lib/history/describe-job';
import { compareJobs, isDescriptionCurrent } from '@/lib/history/job-list';
import { type JobKind, type JobRef, jobKey, jobKinds } from '@/lib/history/job-ref';
import type { JobHistory } from '@/lib/history/job-summary';
import type { KubeObject } from '@/lib/k8s/object';
import type { ClusterPort } from '../cluster/cluster-port';
import { WatchCache } from '../cluster/watch-cache';
import { watchCacheSourceFor } from '../cluster/watch-cache-source';
import type { Logger } from '../logger';
import type { BuildStore } from './build-store';

/** The jobs and their histories as the jobs home lists them. */
export interface CatalogSnapshot {
  /** Every job of the kinds asked, described, in the home's order (folder, name, namespace, kind). */
  jobs: JobDescription[];
  historyOf: (key: string) => JobHistory | undefined;
}

/**
 * The jobs home's catalog, in memory (issue #8: 1,000 jobs interactive under 1 s): every WorkflowTemplate,
 * ClusterWorkflowTemplate and CronWorkflow of the cluster, kept current by one watch per kind (the shared
 * WatchCache, read as Capstan itself), each described once per version of its resource; and every job's history
 * summary, read once and then re-read per job when the build store says it changed.
 *
 * The summaries in memory are trusted only where this process writes or sees every change to the history (its
 * indexer runs: embedded mode, or the leader replica, whose indexer sees what the other replicas' APIs number).
 * Elsewhere (a follower replica sharing the archive's database) they are read from the database for each list.
 */
export class JobCatalog {
  private readonly caches: Record<JobKind, WatchCache<KubeObject>>;
  private readonly described = new WeakMap<KubeObject, JobDescription>();
  private readonly abort = new AbortController();
  /** Per kind, the last sorted descriptions and the objects they were made from (reused while nothing changed). */
  private readonly sorted = new Map<JobKind, { objects: KubeObject[]; jobs: JobDescription[] }>();
  private summaries?: { run: number; read: Promise<Map<string, JobHistory>> };
  private readonly dirty = new Map<string, JobRef>();
  private refreshing?: Promise<void>;
  private readonly unsubscribe: () => void;
  /** Changes whenever what a list is made from changes: a kind's jobs, the summaries, or where they are read. */
  private changes = 0;
  /** Lists made at a generation, by the question asked (`listJobs`), dropped once the generation moves on. */
  private readonly lists = new Map<string, { generation: number; list: unknown }>();

  constructor(
    /** Capstan's own cluster port: callers whose requests it serves need no further check. */
    readonly cluster: ClusterPort,
    private readonly store: BuildStore,
    /** The indexer's run while this process follows every change to the history (BuildIndexer.run), else undefined. */
    private readonly followingRun: () => number | undefined,
    private readonly logger: Logger,
  ) {
    this.caches = Object.fromEntries(jobKinds.map((kind) => [kind, new WatchCache<KubeObject>(watchCacheSourceFor(cluster, kind))])) as Record<JobKind, WatchCache<KubeObject>>;
    this.unsubscribe = store.onSummaryChanged((job) => this.dirty.set(jobKey(job), job));
  }

  /**
   * Starts the watches and reads the summaries, so the first list is answered from memory; keeps the watches open
   * while the catalog lives (a subscriber keeps the cache's scope from being swept when nobody lists for a while).
   */
  start(): void {
    for (const kind of jobKinds) {
      this.caches[kind].watch('', () => {}, this.abort.signal).catch((error: unknown) => {
        this.logger.warn({ err: error, kind }, 'job catalog: cannot watch; the jobs home reads them per request until it can');
      });
    }
    const run = this.followingRun();
    if (run !== undefined) this.currentSummaries(run).catch((error: unknown) => this.logger.warn({ err: error }, 'job catalog: cannot read the build summaries yet'));
  }

  /** The described jobs of one kind in every namespace, sorted; throws what listing them threw (the caller falls back). */
  async jobsOf(kind: JobKind, now: Date): Promise<JobDescription[]> {
    const objects = (await this.caches[kind].list('')).items;
    const previous = this.sorted.get(kind);
    if (previous && sameObjects(previous.objects, objects) && previous.jobs.every((job) => isDescriptionCurrent(job, now))) return previous.jobs;
    const jobs = objects.map((object) => this.describe(kind, object, now)).sort(compareJobs);
    this.sorted.set(kind, { objects, jobs });
    this.changes++;
    return jobs;
  }

  private describe(kind: JobKind, object: KubeObject, now: Date): JobDescription {
    const known = this.described.get(object);
    if (known && isDescriptionCurrent(known, now)) return known;
    const description = describeJob(kind, object, now);
    this.described.set(object, description);
    return description;
  }

  /** The history summaries of `jobs`: from memory when this process sees every write, else from the database. */
  async historiesOf(jobs: JobRef[]): Promise<(key: string) => JobHistory | undefined> {
    const run = this.followingRun();
    if (run === undefined) {
      if (this.summaries) this.changes++;
      this.summaries = undefined;
      const read = await this.store.summaries(jobs);
      return (key) => read.get(key);
    }
    const summaries = await this.currentSummaries(run);
    return (key) => summaries.get(key);
  }

  /** Every summary, read in full once per run of the indexer, then the jobs marked since re-read (one query for all). */
  private async currentSummaries(run: number): Promise<Map<string, JobHistory>> {
    if (this.summaries?.run !== run) {
      this.changes++;
      // Marks made during the full read are kept and re-read after it: it may or may not have seen their change.
      const read = this.store.allSummaries();
      const loading = { run, read };
      this.summaries = loading;
      read.catch(() => {
        if (this.summaries === loading) this.summaries = undefined;
      });
    }
    const summaries = await this.summaries.read;
    // One re-read at a time: a list waits for the one under way, then re-reads what was marked since.
    while (this.refreshing) await this.refreshing.catch(() => {});
    if (this.dirty.size) {
      this.refreshing = this.reread(summaries);
      try {
        await this.refreshing;
      } finally {
        this.refreshing = undefined;
      }
    }
    return summaries;
  }

  private async reread(summaries: Map<string, JobHistory>): Promise<void> {
    const jobs = [...this.dirty.values()];
    this.dirty.clear();
    this.changes++;
    try {
      for (const [key, summary] of await this.store.summaries(jobs)) summaries.set(key, summary);
    } catch (error) {
      for (const job of jobs) this.dirty.set(jobKey(job), job);
      throw error;
    }
  }

  /**
   * A number that moves on whenever the jobs or their summaries change; it moves only while they are read
   * (`jobsOf`, `historiesOf`), so read it before and after reading them: the same number means nothing changed.
   */
  get generation(): number {
    return this.changes;
  }

  /** Whether `historiesOf` answers from memory (this process sees every write to the history). */
  get summariesInMemory(): boolean {
    return this.followingRun() !== undefined;
  }

  /** The list remembered for `question` at `generation`, if any. */
  recall<T>(question: string, generation: number): T | undefined {
    const known = this.lists.get(question);
    return known?.generation === generation ? (known.list as T) : undefined;
  }

  /** Remembers the list made for `question` from what was read at `generation` (a few questions at a time). */
  remember(question: string, generation: number, list: unknown): void {
    if (this.lists.size >= 32) this.lists.clear();
    this.lists.set(question, { generation, list });
  }

  close(): void {
    this.unsubscribe();
    this.abort.abort();
    for (const cache of Object.values(this.caches)) cache.close();
  }
}

/** Whether two lists hold the same objects in the same order (a cache answers a new array of the same objects while nothing changed). */
function sameObjects(a: readonly KubeObject[], b: readonly KubeObject[]): boolean {
  return a.length === b.length && a.every((object, i) => object === b[i]);
}
