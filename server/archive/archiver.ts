import { GrpcCode, isApiError } from '@/lib/api-error';
import type { Workflow } from '@/lib/generated/argo';
import { type LabelRequirement, matchesLabels } from '@/lib/k8s/label-selector';
import type { KubeObject } from '@/lib/k8s/object';
import { workflowLabels } from '@/lib/workflows/workflow-labels';
import type { ClusterPort } from '../cluster/cluster-port';
import type { Logger } from '../logger';
import { changeResource } from '../services/change-resource';
import type { WorkflowArchive } from './workflow-archive';

type WorkflowObject = Workflow & KubeObject;

export interface ArchiverOptions {
  /** `persistence.archiveLabelSelector`: only matching workflows are archived. */
  selector: LabelRequirement[];
  /** `persistence.archiveTTL` in seconds; 0 keeps records for ever. */
  ttlSeconds: number;
  /** Also archive completed workflows that carry no archiving status (embedded mode, where the archive is always on). */
  sweepUnlabelled: boolean;
  /** `persistence.archive`; false keeps the connection (reads still work) but writes nothing new. */
  enabled?: boolean;
}

const retryDelaysMs = [1_000, 5_000, 30_000, 120_000];
const maxWorkflowsPerWrite = 100;
// How long a completing workflow's save waits for its archive write before it goes on marked Pending (archived later).
const beforeSaveTimeoutMs = 5_000;

/** The `workflow-archiving-status` a completing workflow is saved with: archived already, or for the archiver to do. */
export type ArchivingStatus = 'Archived' | 'Pending';
// Argo's ARCHIVED_WORKFLOW_GC_PERIOD default.
const gcPeriodMs = 24 * 3600 * 1000;

/**
 * Writes completed workflows to the archive as Argo's controller does: when one completes (`onCompleted`), if it
 * matches the archive label selector, its full state is written, then the live workflow is labelled
 * `workflow-archiving-status: Archived`. A failed write is retried with backoff; `sweep` picks up workflows a
 * previous run left `Pending` (Argo's controller marks them so before archiving).
 */
export class Archiver {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;
  // Completing workflows waiting for the next write, and whether one is under way: see `writeTogether`.
  private waiting: Array<{ workflow: Workflow; settle: (error?: unknown) => void }> = [];
  private writing = false;

  constructor(
    private readonly archive: WorkflowArchive,
    private readonly cluster: ClusterPort,
    private readonly logger: Logger,
    private options: ArchiverOptions,
  ) {}

  /** New settings from a changed controller ConfigMap: selector, TTL and on/off apply from now on. */
  configure(options: Partial<ArchiverOptions>): void {
    this.options = { ...this.options, ...options };
  }

  /**
   * Kubernetes mode's hook, before the save that completes a workflow: writes `workflow` (the object about to be
   * saved) to the archive, so that one save both completes it and labels it `Archived`, instead of a second update of
   * every finished workflow afterwards (which cost the API server a GET and a PUT per workflow, and every watcher an
   * event). Returns the label the save is to carry: `Archived` once written; `Pending` when the write failed or took
   * over 5 s, as Argo's controller marks a completing workflow, so `onCompleted` (and, after a restart, `sweep`)
   * archives it; undefined when it is not to be archived (archiving off, or outside the label selector).
   *
   * A save that then fails leaves a record of a completion not yet saved; the reconcile that completes it again
   * writes it again, replacing that record (one record per uid, as Argo's delete-then-insert).
   */
  readonly beforeCompletedSave = async (workflow: Workflow): Promise<ArchivingStatus | undefined> => {
    if (this.options.enabled === false || !matchesLabels(workflow.metadata.labels, this.options.selector)) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`archive write took over ${beforeSaveTimeoutMs} ms`)), beforeSaveTimeoutMs);
    });
    try {
      await Promise.race([this.writeTogether(await this.hydrate(workflow)), timeout]);
      return 'Archived';
    } catch (error) {
      const key = `${workflow.metadata.namespace}/${workflow.metadata.name}`;
      this.logger.warn({ err: error, workflow: key }, 'failed to archive workflow before its completion was saved; marking it Pending');
      return 'Pending';
    } finally {
      clearTimeout(timer);
    }
  };

  /**
   * Writes `workflow` with the others that complete meanwhile: one transaction at a time, each taking every workflow
   * that waited for the one before (up to 100). The controller's 32 workers each waited for a transaction of their
   * own on the pool's 10 connections (70 ms more per completing save on the bench, docs/benchmarks.md). A failed
   * write fails all of its workflows, which are then saved Pending and archived one by one after their save.
   */
  private writeTogether(workflow: Workflow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ workflow, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.writing) void this.writeWaiting();
    });
  }

  private async writeWaiting(): Promise<void> {
    this.writing = true;
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, maxWorkflowsPerWrite);
      try {
        await this.archive.archiveMany(batch.map((w) => w.workflow));
        for (const w of batch) w.settle();
      } catch (error) {
        for (const w of batch) w.settle(error ?? new Error('archive write failed'));
      }
    }
    this.writing = false;
  }

  /**
   * The controller's hook once a completed workflow is saved: fire and forget, failures are logged and retried here.
   * A workflow saved `Archived` (see `beforeCompletedSave`) is done.
   */
  readonly onCompleted = (workflow: Workflow): void => {
    if (this.options.enabled === false) return;
    if (workflow.metadata.labels?.[workflowLabels.archivingStatus] === 'Archived') return;
    void this.archiveWithRetries(workflow, 0);
  };

  private async archiveWithRetries(workflow: Workflow, attempt: number): Promise<void> {
    try {
      await this.archiveOne(workflow);
    } catch (error) {
      const delay = retryDelaysMs[attempt];
      const key = `${workflow.metadata.namespace}/${workflow.metadata.name}`;
      if (delay === undefined || this.stopped) {
        this.logger.error({ err: error, workflow: key }, 'failed to archive workflow; giving up');
        return;
      }
      this.logger.warn({ err: error, workflow: key, retryInMs: delay }, 'failed to archive workflow; retrying');
      this.later(delay, () => this.archiveWithRetries(workflow, attempt + 1));
    }
  }

  /** Archives one completed workflow and labels it Archived; false when the label selector excludes it. */
  async archiveOne(workflow: Workflow): Promise<boolean> {
    const { namespace = '', name = '', uid } = workflow.metadata;
    if (!matchesLabels(workflow.metadata.labels, this.options.selector)) {
      this.logger.info({ workflow: `${namespace}/${name}` }, "doesn't match with archive label selector; skipping archive");
      return false;
    }
    await this.archive.archive(await this.hydrate(workflow));
    this.logger.info({ workflow: `${namespace}/${name}`, uid }, 'archived workflow');
    try {
      await changeResource<WorkflowObject>(this.cluster, 'workflows', namespace, name, (current) => {
        const labels = current.metadata.labels ?? {};
        // Retried or re-created meanwhile: that workflow is not the one archived.
        if (current.metadata.uid !== uid || labels[workflowLabels.completed] !== 'true') return undefined;
        if (labels[workflowLabels.archivingStatus] === 'Archived') return undefined;
        return { ...current, metadata: { ...current.metadata, labels: { ...labels, [workflowLabels.archivingStatus]: 'Archived' } } };
      });
    } catch (error) {
      // Deleted after it completed: it is archived, which is what matters.
      if (!(isApiError(error) && error.code === GrpcCode.NotFound)) throw error;
    }
    return true;
  }

  /** Node statuses Argo's controller offloaded (`nodeStatusOffLoad`) go back into the workflow before it is archived. */
  private async hydrate(workflow: Workflow): Promise<Workflow> {
    const version = workflow.status?.offloadNodeStatusVersion;
    if (!version) return workflow;
    const nodes = await this.archive.offloadedNodes(workflow.metadata.uid ?? '', version);
    if (!nodes) throw new Error(`offloaded node status ${version} of ${workflow.metadata.namespace}/${workflow.metadata.name} not found`);
    const status = { ...workflow.status, nodes };
    delete status.offloadNodeStatusVersion;
    return { ...workflow, status };
  }

  /** Archives completed workflows left pending (and, with `sweepUnlabelled`, never archived); returns how many. */
  async sweep(namespace: string): Promise<number> {
    // Summaries: only the workflows to archive are read whole.
    const { items } = await this.cluster.listSummaries<WorkflowObject>('workflows', namespace, { labelSelector: `${workflowLabels.completed}=true` });
    let archived = 0;
    for (const listed of items) {
      const status = listed.metadata.labels?.[workflowLabels.archivingStatus];
      if (status === 'Pending' || (status === undefined && this.options.sweepUnlabelled)) {
        if (await this.archiveOne(listed.read()).catch((error: unknown) => this.logger.warn({ err: error }, 'archive sweep failed'))) archived++;
      }
    }
    return archived;
  }

  /** `archiveTTL`: deletes expired records now and then once a day, as Argo's archived-workflow GC. */
  startGarbageCollection(): void {
    this.stopped = false;
    const collect = async () => {
      if (!this.options.ttlSeconds) {
        this.later(gcPeriodMs, collect);
        return;
      }
      try {
        const deleted = await this.archive.deleteExpired(this.options.ttlSeconds);
        this.logger.info({ deleted, ttlSeconds: this.options.ttlSeconds }, 'deleted expired archived workflows');
      } catch (error) {
        this.logger.warn({ err: error }, 'archived workflow garbage collection failed');
      }
      this.later(gcPeriodMs, collect);
    };
    void collect();
  }

  private later(ms: number, run: () => Promise<void>): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void run();
    }, ms);
    timer.unref();
    this.timers.add(timer);
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
