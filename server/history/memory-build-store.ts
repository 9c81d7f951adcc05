import type { NodeStatus } from '@/lib/generated/argo';
import { type JobHistory, noHistory } from '@/lib/history/job-summary';
import { type JobRef, jobKey } from '@/lib/history/job-ref';
import type { StageRun } from '@/lib/history/stages';
import type { ArchivedWorkflow, BackfillItem, BuildFacts, BuildProgress, BuildStore, JobHistorySummary, StoredBuild } from './build-store';

/** A job's builds by number, its counter and how many builds it has. */
interface JobBuilds { job: JobRef; lastNumber: number; builds: Map<number, StoredBuild> }

const completedPhases = new Set(['Succeeded', 'Failed', 'Error']);
const running = (phase: string) => phase === '' || phase === 'Pending' || phase === 'Running';

/** RFC 3339 with milliseconds, as the SQL store answers timestamps (PostgreSQL's timestamptz read back). */
function iso(value: string | null): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const newestFirst = (builds: Iterable<StoredBuild>) => [...builds].sort((a, b) => b.number - a.number);
const withoutStages = (build: StoredBuild): StoredBuild => ({ ...build, stages: null });
const times = (b: StoredBuild) => ({ number: b.number, phase: b.phase, startedAt: b.startedAt, finishedAt: b.finishedAt });

/**
 * The build history of kubernetes mode without a database, in this process's memory. A database would cost the
 * process about 65 MiB of resident memory before the first build (PGlite's WebAssembly heap, module and files), more
 * than the builds of a busy cluster; and in a pod its data directory dies with the pod anyway. What is lost at a
 * restart is what the notice on the jobs pages says: numbers written on live workflows are read back, builds that
 * left the cluster are gone. Builds that left the cluster are kept (without their stages) up to `goneToKeep` per
 * job, so the index does not grow without end in a long-lived process. Every method's change is complete before
 * it returns (no await inside), so numbering cannot interleave.
 */
export class MemoryBuildStore implements BuildStore {
  private readonly jobs = new Map<string, JobBuilds>();
  private readonly byUids = new Map<string, StoredBuild>();
  private readonly summaryListeners = new Set<(job: JobRef) => void>();

  constructor(readonly clusterName: string, private readonly goneToKeep = 200) {}

  onSummaryChanged(listener: (job: JobRef) => void): () => void {
    this.summaryListeners.add(listener);
    return () => this.summaryListeners.delete(listener);
  }

  changedElsewhere(job: JobRef): void {
    this.changed(job);
  }

  private changed(job: JobRef): void {
    for (const listener of this.summaryListeners) listener(job);
  }

  private jobBuilds(job: JobRef): JobBuilds {
    const key = jobKey(job);
    let entry = this.jobs.get(key);
    if (!entry) this.jobs.set(key, entry = { job: { kind: job.kind, namespace: job.namespace, name: job.name }, lastNumber: 0, builds: new Map() });
    return entry;
  }

  private add(entry: JobBuilds, number: number, facts: BuildFacts): void {
    const build: StoredBuild = {
      job: entry.job, number, uid: facts.uid, namespace: facts.namespace, workflowName: facts.workflowName, phase: facts.phase,
      message: facts.message, startedAt: iso(facts.startedAt), finishedAt: iso(facts.finishedAt), createdAt: iso(facts.createdAt),
      trigger: facts.trigger, parameters: facts.parameters, stages: facts.stages, live: true, archived: false,
    };
    entry.builds.set(number, build);
    this.byUids.set(build.uid, build);
  }

  private remove(entry: JobBuilds, build: StoredBuild): void {
    entry.builds.delete(build.number);
    this.byUids.delete(build.uid);
  }

  async byUid(uid: string): Promise<StoredBuild | undefined> {
    const build = this.byUids.get(uid);
    return build && { ...build };
  }

  async get(job: JobRef, number: number): Promise<StoredBuild | undefined> {
    const build = this.jobs.get(jobKey(job))?.builds.get(number);
    return build && { ...build };
  }

  async byWorkflowName(namespace: string, name: string): Promise<StoredBuild | undefined> {
    let newest: StoredBuild | undefined;
    for (const build of this.byUids.values()) {
      if (build.namespace !== namespace || build.workflowName !== name) continue;
      if (!newest || (build.createdAt ?? '') > (newest.createdAt ?? '')) newest = build;
    }
    return newest && withoutStages(newest);
  }

  async assign(job: JobRef, facts: BuildFacts): Promise<{ number: number; created: boolean }> {
    const existing = this.byUids.get(facts.uid);
    if (existing) return { number: existing.number, created: false };
    const entry = this.jobBuilds(job);
    do entry.lastNumber++; while (entry.builds.has(entry.lastNumber));
    this.add(entry, entry.lastNumber, facts);
    this.changed(entry.job);
    return { number: entry.lastNumber, created: true };
  }

  async keep(job: JobRef, number: number, facts: BuildFacts): Promise<boolean> {
    const entry = this.jobBuilds(job);
    if (this.byUids.has(facts.uid) || entry.builds.has(number)) return false;
    this.add(entry, number, facts);
    entry.lastNumber = Math.max(entry.lastNumber, number);
    this.changed(entry.job);
    return true;
  }

  async update(uid: string, progress: BuildProgress): Promise<void> {
    const build = this.byUids.get(uid);
    if (!build) return;
    Object.assign(build, {
      phase: progress.phase, message: progress.message, startedAt: iso(progress.startedAt), finishedAt: iso(progress.finishedAt), live: true,
      ...(progress.stages ? { stages: progress.stages } : {}), ...(progress.parameters ? { parameters: progress.parameters } : {}),
    });
    this.changed(build.job);
  }

  async setStages(stages: { uid: string; stages: StageRun[] }[]): Promise<void> {
    for (const { uid, stages: runs } of stages) {
      const build = this.byUids.get(uid);
      if (build) build.stages = runs;
    }
  }

  // No archive without a database: nothing archived to read.
  async archivedNodes(uids: string[]): Promise<Map<string, Record<string, NodeStatus> | undefined>> {
    void uids;
    return new Map();
  }

  async unnumberedArchived(namespace: string): Promise<ArchivedWorkflow[]> {
    void namespace;
    return [];
  }

  async markGone(uid: string): Promise<void> {
    const build = this.byUids.get(uid);
    if (!build?.live) return;
    build.live = false;
    build.stages = null; // the bulk of a build; without the workflow or an archive there is nothing to open anyway
    const entry = this.jobBuilds(build.job);
    const gone = newestFirst([...entry.builds.values()].filter((b) => !b.live));
    for (const old of gone.slice(this.goneToKeep)) this.remove(entry, old);
    if (gone.length > this.goneToKeep) this.changed(entry.job);
  }

  async liveUids(namespace = ''): Promise<string[]> {
    return [...this.byUids.values()].filter((b) => b.live && (namespace === '' || b.namespace === namespace)).map((b) => b.uid);
  }

  async page(job: JobRef, limit: number, before?: number, withStages = false): Promise<StoredBuild[]> {
    const builds = [...(this.jobs.get(jobKey(job))?.builds.values() ?? [])].filter((b) => before === undefined || b.number < before);
    return newestFirst(builds).slice(0, Math.max(0, limit)).map((b) => (withStages ? { ...b } : withoutStages(b)));
  }

  async neighbours(job: JobRef, number: number): Promise<{ previous?: StoredBuild; next?: StoredBuild }> {
    const [previous] = await this.page(job, 1, number);
    let next: StoredBuild | undefined;
    for (const build of this.jobs.get(jobKey(job))?.builds.values() ?? []) {
      if (build.number > number && (!next || build.number < next.number)) next = build;
    }
    return { previous, next: next && withoutStages(next) };
  }

  private completedBuilds(job: JobRef, limit: number, parameters: { name: string; value: string }[]): StoredBuild[] {
    const builds = [...(this.jobs.get(jobKey(job))?.builds.values() ?? [])].filter((b) => !running(b.phase)
      && parameters.every((p) => b.parameters.some((q) => q.name === p.name && q.value === p.value)));
    return newestFirst(builds).slice(0, Math.max(0, limit));
  }

  async completed(job: JobRef, limit: number, parameters: { name: string; value: string }[] = []): Promise<StoredBuild[]> {
    // Only what trends read, as the SQL store answers it.
    return this.completedBuilds(job, limit, parameters).map((b) => ({
      ...b, uid: '', namespace: '', workflowName: '', message: null, createdAt: null, trigger: {} as StoredBuild['trigger'], parameters: [], stages: null,
    }));
  }

  async parameterValues(job: JobRef, limit: number, perName = 50): Promise<Record<string, string[]>> {
    const values = new Map<string, Set<string>>();
    for (const build of this.completedBuilds(job, limit, [])) {
      for (const { name, value } of build.parameters) {
        if (!values.has(name)) values.set(name, new Set());
        values.get(name)!.add(value);
      }
    }
    const names = [...values.keys()].sort();
    return Object.fromEntries(names.map((name) => [name, [...values.get(name)!].sort().slice(0, Math.floor(perName))]));
  }

  private summaryOf(entry: JobBuilds): JobHistorySummary {
    const builds = newestFirst(entry.builds.values());
    const lastSuccess = builds.find((b) => b.phase === 'Succeeded');
    const lastFailure = builds.find((b) => b.phase === 'Failed' || b.phase === 'Error');
    const summary: JobHistory = { recent: builds.slice(0, 5).map(times), buildCount: builds.length, lastNumber: entry.lastNumber };
    if (lastSuccess) summary.lastSuccess = times(lastSuccess);
    if (lastFailure) summary.lastFailure = times(lastFailure);
    return summary;
  }

  async summaries(jobs: JobRef[]): Promise<Map<string, JobHistorySummary>> {
    return new Map(jobs.map((job) => {
      const entry = this.jobs.get(jobKey(job));
      return [jobKey(job), entry ? this.summaryOf(entry) : noHistory];
    }));
  }

  async allSummaries(): Promise<Map<string, JobHistorySummary>> {
    return new Map([...this.jobs].map(([key, entry]) => [key, this.summaryOf(entry)]));
  }

  async discard(job: JobRef, keep: number): Promise<{ uid: string; namespace: string; workflowName: string }[]> {
    const entry = this.jobs.get(jobKey(job));
    if (!entry) return [];
    const builds = newestFirst(entry.builds.values());
    const boundary = builds[Math.max(1, Math.floor(keep))];
    if (!boundary) return [];
    const discarded = builds.filter((b) => b.number <= boundary.number && completedPhases.has(b.phase));
    for (const build of discarded) this.remove(entry, build);
    if (discarded.length) this.changed(entry.job);
    return discarded.map((b) => ({ uid: b.uid, namespace: b.namespace, workflowName: b.workflowName }));
  }

  async knownUids(uids: string[]): Promise<Set<string>> {
    return new Set(uids.filter((uid) => this.byUids.has(uid)));
  }

  async backfill(job: JobRef, items: BackfillItem[]): Promise<number> {
    if (!items.length) return 0;
    const entry = this.jobBuilds(job);
    const rows: { number: number; facts: BuildFacts }[] = [];
    const rest: BackfillItem[] = [];
    const taken = new Set<number>();
    for (const item of items) {
      if (item.labelled !== undefined && !entry.builds.has(item.labelled) && !taken.has(item.labelled)) {
        taken.add(item.labelled);
        rows.push({ number: item.labelled, facts: item.facts });
      } else rest.push(item);
    }
    let last = Math.max(entry.lastNumber, ...rows.map((r) => r.number));
    for (const item of rest) {
      const facts = item.labelled !== undefined && item.copyTrigger ? { ...item.facts, trigger: item.copyTrigger(item.labelled) } : item.facts;
      rows.push({ number: ++last, facts });
    }
    let inserted = 0;
    for (const { number, facts } of rows) {
      if (this.byUids.has(facts.uid) || entry.builds.has(number)) continue;
      this.add(entry, number, facts);
      inserted++;
    }
    entry.lastNumber = last;
    this.changed(entry.job);
    return inserted;
  }
}
