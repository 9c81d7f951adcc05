import type { JobDescription } from './describe-job';
import { type Folder, folderTree } from './folders';
import { type JobKind, type JobRef, jobKey } from './job-ref';
import { type JobHistory, type JobSummary, noHistory, toJobSummary } from './job-summary';
import type { FilterableJob } from './view-filter';

/** The order of the jobs home: folder, then name, namespace and kind (the API's documented order). */
export function compareJobs(a: JobRef & { folder: string }, b: JobRef & { folder: string }): number {
  return compareText(a.folder, b.folder) || compareText(a.name, b.name) || compareText(a.namespace, b.namespace) || compareText(a.kind, b.kind);
}

// One collator for every comparison: `localeCompare` without one sets up the locale's rules on each call.
const collator = new Intl.Collator();
const compareText = (a: string, b: string) => (a === b ? 0 : collator.compare(a, b));

/**
 * `GET /jobs`'s answer from the jobs' descriptions (what their resources say) and their histories: every job as a
 * summary, kept when all `filters` accept it, in the home's order; and the folder tree of every job given (not
 * narrowed by the filters, so the sidebar stays stable while a filter changes).
 */
export function jobList(
  jobs: readonly JobDescription[],
  historyOf: (key: string) => JobHistory | undefined,
  filters: ((job: FilterableJob) => boolean)[],
  now: Date,
): { items: JobSummary[]; folders: Folder[] } {
  const items: JobSummary[] = [];
  for (const job of jobs) {
    const history = historyOf(jobKey(job)) ?? noHistory;
    // The filters only need the last phase, so a job they refuse is never summarised.
    const filterable = { ...job, lastPhase: history.recent[0]?.phase };
    if (filters.every((accepts) => accepts(filterable))) items.push(toJobSummary(job, history, now));
  }
  // Lists sorted per kind are runs that this sort merges in linear time.
  items.sort(compareJobs);
  return { items, folders: folderTree(jobs.map((j) => j.folder)) };
}

/** Whether a description made earlier still holds at `now`: a CronWorkflow's next run must not have passed. */
export function isDescriptionCurrent(description: Pick<JobDescription, 'nextRun'>, now: Date): boolean {
  return !description.nextRun || Date.parse(description.nextRun) > now.getTime();
}

/** Whether a job of `kind` in `namespace` belongs to a list of `namespace` ("" is every namespace; cluster templates are in all). */
export function isJobInNamespace(job: { kind: JobKind; namespace: string }, namespace: string): boolean {
  return !namespace || job.kind === 'clusterworkflowtemplates' || job.namespace === namespace;
}

/**
 * Whether `jobList`'s answer for these jobs changes with `now` alone: some build among their histories has started
 * and not finished, so its duration grows.
 */
export function dependsOnNow(jobs: readonly JobRef[], historyOf: (key: string) => JobHistory | undefined): boolean {
  const running = (b: { startedAt?: string | null; finishedAt?: string | null } | undefined) => Boolean(b?.startedAt && !b.finishedAt);
  return jobs.some((job) => {
    const history = historyOf(jobKey(job));
    return Boolean(history && (history.recent.some(running) || running(history.lastSuccess) || running(history.lastFailure)));
  });
}
