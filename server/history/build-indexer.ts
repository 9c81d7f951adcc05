import { isCompleted } from '@/lib/engine/phases';
import type { Workflow } from '@/lib/generated/argo';
import { factsChanged, workflowFacts } from '@/lib/history/build-facts';
import { jobOfWorkflow } from '@/lib/history/job-ref';
import type { KubeObject } from '@/lib/k8s/object';
import type { ClusterPort } from '../cluster/cluster-port';
import type { Logger } from '../logger';
import { backfillBuilds } from './backfill';
import type { BuildNumberer } from './build-numberer';
import type { BuildStore } from './build-store';
import type { Retention } from './retention';

type WorkflowObject = Workflow & KubeObject;
type Seen = { phase: string; startedAt: string | null; finishedAt: string | null };

/**
 * Keeps the build history in step with the cluster: numbers every workflow of a job on first sight (kubectl,
 * events, another server), records phase changes and, once a build completes, its stages; marks deleted workflows.
 * At start it numbers what existed before (live and archived) before it handles any event, so those keep start order.
 * It runs on the leader replica only (started and stopped with leadership); every replica's API still numbers the
 * builds it creates, in the same transaction-safe way, so the index is never needed to answer a submit.
 */
export class BuildIndexer {
  private readonly seen = new Map<string, Seen>();
  private readonly chains = new Map<string, Promise<void>>();
  private abort = new AbortController();
  private buffered: { type: string; object: WorkflowObject }[] | undefined = [];
  private following = false;
  private runs = 0;

  constructor(
    private readonly store: BuildStore,
    private readonly numberer: BuildNumberer,
    private readonly cluster: ClusterPort,
    private readonly logger: Logger,
    private readonly options: { namespace: string; retention?: Retention },
  ) {}

  /** Starts (or, after `stop`, starts again) following the cluster; resolves once what existed before is numbered. */
  async start(): Promise<void> {
    this.abort = new AbortController();
    this.buffered = [];
    this.seen.clear();
    await this.cluster.watch<WorkflowObject>('workflows', this.options.namespace, (event) => {
      if (this.buffered) this.buffered.push(event);
      else this.handle(event.type, event.object);
    }, this.abort.signal);
    const started = Date.now();
    // Only workflows of a job have builds: each workflow is read whole one at a time and kept only when it is one
    // (the whole namespace parsed at once was tens of MiB alive together at start).
    const listed = (await this.cluster.listSummaries<WorkflowObject>('workflows', this.options.namespace)).items;
    const live: WorkflowObject[] = [];
    for (const item of listed) {
      const workflow = item.read();
      if (jobOfWorkflow(workflow)) live.push(workflow);
    }
    const added = await backfillBuilds(this.store, live, this.options.namespace);
    const liveUids = new Set(listed.map((w) => w.metadata.uid));
    for (const uid of await this.store.liveUids(this.options.namespace)) if (!liveUids.has(uid)) await this.store.markGone(uid);
    for (const workflow of live) this.handle('ADDED', workflow);
    const events = this.buffered ?? [];
    this.buffered = undefined;
    for (const event of events) this.handle(event.type, event.object);
    this.following = !this.abort.signal.aborted;
    this.runs++;
    this.logger.info({ added, live: listed.length, ms: Date.now() - started }, 'build history ready');
  }

  /**
   * While this process follows the cluster's workflows into the history (the leader), a number that is new each
   * time it starts to: every change to the history since is written or seen by this process, so what it keeps in
   * memory of the history from then on is current. Undefined while it does not follow.
   */
  get run(): number | undefined {
    return this.following && !this.abort.signal.aborted ? this.runs : undefined;
  }

  /** Handles one sighting; sightings of one workflow are processed in order. */
  handle(type: string, workflow: WorkflowObject): void {
    if (this.abort.signal.aborted) return;
    const uid = workflow.metadata.uid;
    if (!uid || !jobOfWorkflow(workflow)) return;
    const previous = this.chains.get(uid) ?? Promise.resolve();
    const next = previous.then(() => (type === 'DELETED' ? this.gone(uid) : this.observe(workflow))).catch((error: unknown) => {
      this.logger.warn({ err: error, workflow: `${workflow.metadata.namespace}/${workflow.metadata.name}` }, 'build history update failed');
      this.seen.delete(uid);
    });
    this.chains.set(uid, next);
    void next.finally(() => {
      if (this.chains.get(uid) === next) this.chains.delete(uid);
    });
  }

  private async gone(uid: string): Promise<void> {
    this.seen.delete(uid);
    await this.store.markGone(uid);
  }

  private async observe(workflow: WorkflowObject): Promise<void> {
    const uid = workflow.metadata.uid ?? '';
    const facts = workflowFacts(workflow);
    const before = this.seen.get(uid);
    if (!before) {
      const { numbered } = await this.numberer.number(workflow);
      // Another replica's API may have numbered it: what the summaries in memory know of its job may be old.
      if (numbered) this.store.changedElsewhere(numbered.job);
      const stored = await this.store.byUid(uid);
      if (stored && factsChanged(stored, facts)) await this.store.update(uid, facts);
      this.seen.set(uid, { phase: facts.phase, startedAt: facts.startedAt, finishedAt: facts.finishedAt });
      if (numbered && isCompleted(facts.phase) && stored && !isCompleted(stored.phase)) await this.options.retention?.apply(numbered.job);
      return;
    }
    if (!factsChanged(before, facts)) return;
    await this.store.update(uid, facts);
    this.seen.set(uid, { phase: facts.phase, startedAt: facts.startedAt, finishedAt: facts.finishedAt });
    const job = jobOfWorkflow(workflow);
    if (job && isCompleted(facts.phase) && !isCompleted(before.phase)) await this.options.retention?.apply(job);
  }

  /** Waits for the sightings queued so far (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.chains.size) await Promise.allSettled([...this.chains.values()]);
  }

  stop(): void {
    this.following = false;
    this.abort.abort();
  }
}
