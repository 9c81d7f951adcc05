import type { NodeStatus, Workflow } from '@/lib/generated/argo';
import type { WorkflowFacts } from '@/lib/history/build-facts';
import type { BuildRecord } from '@/lib/history/build-record';
import type { JobHistory } from '@/lib/history/job-summary';
import type { JobRef } from '@/lib/history/job-ref';
import type { StageRun } from '@/lib/history/stages';
import type { Trigger } from '@/lib/history/trigger';
import type { KubeObject } from '@/lib/k8s/object';

/** A build as stored. */
export type StoredBuild = BuildRecord;

/** What is known of a build when it is numbered. */
export type BuildFacts = WorkflowFacts & { trigger: Trigger };

/** The last builds of a job, for lists and headers. */
export type JobHistorySummary = JobHistory;

/** A build's changes while it runs: stages and parameters only when given. */
export type BuildProgress = Pick<BuildFacts, 'phase' | 'message' | 'startedAt' | 'finishedAt'> & { stages?: StageRun[] | null; parameters?: BuildFacts['parameters'] };

/** An archived workflow trimmed to what numbering reads (no nodes). */
export type ArchivedWorkflow = Workflow & KubeObject;

/** A pre-existing build to number in a `backfill`: `labelled` is the number a label already gives it. */
export interface BackfillItem { facts: BuildFacts; labelled?: number; copyTrigger?: (of: number) => Trigger }

/**
 * Builds and their numbers: `SqlBuildStore` beside the archive (PGlite in embedded mode, PostgreSQL in kubernetes
 * mode), `MemoryBuildStore` for kubernetes mode without a database. A uid has one number however often it is
 * numbered, and a job's numbers are never skipped nor given twice while the store lives.
 */
export interface BuildStore {
  readonly clusterName: string;
  /** Calls `listener` with each job whose summary may have changed, after the change is committed; returns an unsubscribe. */
  onSummaryChanged(listener: (job: JobRef) => void): () => void;
  /** A change to a job's builds that another process made (another replica's API numbered a build): tells the listeners. */
  changedElsewhere(job: JobRef): void;
  /** The build of a workflow uid, if numbered. */
  byUid(uid: string): Promise<StoredBuild | undefined>;
  /** One build by number. */
  get(job: JobRef, number: number): Promise<StoredBuild | undefined>;
  /** The newest build of a workflow name in a namespace (the one `resubmitted-from-workflow` names). */
  byWorkflowName(namespace: string, name: string): Promise<StoredBuild | undefined>;
  /** Numbers a build: its existing number when the uid has one, else the job's next. */
  assign(job: JobRef, facts: BuildFacts): Promise<{ number: number; created: boolean }>;
  /** Records a build under the number it already carries (a label written before), moving the counter past it. */
  keep(job: JobRef, number: number, facts: BuildFacts): Promise<boolean>;
  /** Updates what changes while a build runs, and its job's summary. */
  update(uid: string, progress: BuildProgress): Promise<void>;
  /** Records the stages of completed builds, many at once. */
  setStages(stages: { uid: string; stages: StageRun[] }[]): Promise<void>;
  /** The status nodes of archived workflows, in one read (the stage view of builds archived before it was kept). */
  archivedNodes(uids: string[]): Promise<Map<string, Record<string, NodeStatus> | undefined>>;
  /** Archived workflows with no build yet, trimmed to what numbering needs (first sight of an archive). */
  unnumberedArchived(namespace: string): Promise<ArchivedWorkflow[]>;
  /** The workflow left the cluster (deleted; it may live on in the archive). */
  markGone(uid: string): Promise<void>;
  /** Builds still marked live, for reconciling with the cluster at start. */
  liveUids(namespace?: string): Promise<string[]>;
  /** A page of builds newest first: `before` is exclusive. Without `withStages`, `stages` is null. */
  page(job: JobRef, limit: number, before?: number, withStages?: boolean): Promise<StoredBuild[]>;
  /** The nearest existing builds before and after a number. */
  neighbours(job: JobRef, number: number): Promise<{ previous?: StoredBuild; next?: StoredBuild }>;
  /** Completed builds newest first (number, phase and times only), optionally only those run with given parameter values (trends). */
  completed(job: JobRef, limit: number, parameters?: { name: string; value: string }[]): Promise<StoredBuild[]>;
  /** The distinct values (up to `perName` each, sorted) of every parameter over the last `limit` completed builds. */
  parameterValues(job: JobRef, limit: number, perName?: number): Promise<Record<string, string[]>>;
  /** Last builds, last success and failure, count and counter of many jobs at once (the job list), by `jobKey`. */
  summaries(jobs: JobRef[]): Promise<Map<string, JobHistorySummary>>;
  /** The summaries of every job of this cluster that has builds, by job key (one scan, for the job catalog). */
  allSummaries(): Promise<Map<string, JobHistorySummary>>;
  /**
   * The build discarder: deletes completed builds beyond the newest `keep` (running ones are never discarded);
   * returns those deleted, so their archived copies can go too.
   */
  discard(job: JobRef, keep: number): Promise<{ uid: string; namespace: string; workflowName: string }[]>;
  /** Which of these uids have a build already. */
  knownUids(uids: string[]): Promise<Set<string>>;
  /**
   * Numbers many builds of one job at once (first sight of pre-existing workflows): those labelled with a number
   * nobody holds keep it, the others get the next numbers in the order given. Returns how many were added.
   */
  backfill(job: JobRef, items: BackfillItem[]): Promise<number>;
}
