import { GrpcCode, isApiError, notFound } from '@/lib/api-error';
import { isCompleted } from '@/lib/engine/phases';
import type { Workflow } from '@/lib/generated/argo';
import { toBuildJson, toBuildLink } from '@/lib/history/build-record';
import { type JobDescription, describeJob } from '@/lib/history/describe-job';
import { dependsOnNow, isJobInNamespace, jobList } from '@/lib/history/job-list';
import { type JobKind, type JobRef, jobKey, jobKinds } from '@/lib/history/job-ref';
import { noHistory, toJobSummary } from '@/lib/history/job-summary';
import { type StageRun, stagesOfNodes } from '@/lib/history/stages';
import { stageMatrix, summarise, trendPoints } from '@/lib/history/statistics';
import { type ViewFilter, compileViewFilter } from '@/lib/history/view-filter';
import type { KubeObject } from '@/lib/k8s/object';
import type { ClusterPort, ListOptions } from '../cluster/cluster-port';
import type { StoredBuild } from './build-store';
import type { History } from './history-runtime';
import type { JobCatalog } from './job-catalog';
import { readJob } from './job-access';

type WorkflowObject = Workflow & KubeObject;

export interface JobListQuery extends ViewFilter {
  /** A saved view whose filter applies too. */
  view?: string;
}

async function listKind(cluster: ClusterPort, kind: JobKind, namespace: string, options?: ListOptions): Promise<KubeObject[]> {
  try {
    return (await cluster.list<KubeObject>(kind, kind === 'clusterworkflowtemplates' ? '' : namespace, options)).items;
  } catch (error) {
    // A caller who may not list cluster templates still sees the namespaced jobs (argo-server's UI does the same).
    if (kind === 'clusterworkflowtemplates' && isApiError(error) && error.code === GrpcCode.PermissionDenied) return [];
    throw error;
  }
}

/**
 * The jobs of one kind a caller lists in `namespace`, described: from the catalog in memory when the caller may list
 * them (Capstan itself; any other caller after the API server says so), else, while the catalog cannot watch that
 * kind, read from the cluster (`fromCatalog` false).
 */
async function describedJobs(cluster: ClusterPort, catalog: JobCatalog, kind: JobKind, namespace: string, now: Date): Promise<{ jobs: JobDescription[]; fromCatalog: boolean }> {
  // Another caller's right to list is the API server's to say (its refusal is the answer), asked as a list of one;
  // when that caller sees none there, there are none for it.
  if (cluster !== catalog.cluster && !(await listKind(cluster, kind, namespace, { limit: 1 })).length) return { jobs: [], fromCatalog: true };
  let jobs: JobDescription[];
  try {
    jobs = await catalog.jobsOf(kind, now);
  } catch {
    return { jobs: (await listKind(cluster, kind, namespace)).map((r) => describeJob(kind, r, now)), fromCatalog: false };
  }
  return { jobs: namespace && kind !== 'clusterworkflowtemplates' ? jobs.filter((job) => isJobInNamespace(job, namespace)) : jobs, fromCatalog: true };
}

/**
 * `GET /api/capstan/v1/jobs`: every job the caller can list, with history, filtered; and the folder tree. The same
 * question asked again while nothing it is made from has changed gets the list made the first time (the catalog's
 * generation), unless that list holds a running build, whose duration grows with `now`.
 */
export async function listJobs(cluster: ClusterPort, history: History, query: JobListQuery, now: Date) {
  const view = query.view ? await history.settings.getView(query.view) : undefined;
  if (query.view && !view) throw notFound('views', query.view);
  const filters = [compileViewFilter({ ...query, namespace: undefined }), compileViewFilter(view?.filter ?? {})];
  const namespace = query.namespace ?? '';
  const { catalog } = history;
  const before = catalog.generation;
  const perKind = await Promise.all(jobKinds.map((kind) => describedJobs(cluster, catalog, kind, namespace, now)));
  const described = perKind.flatMap((k) => k.jobs);
  const historyOf = await catalog.historiesOf(described);
  // Remembered only when every input came from memory and none changed while they were gathered.
  const key = catalog.generation === before && catalog.summariesInMemory && perKind.every((k) => k.fromCatalog)
    ? JSON.stringify([namespace, perKind.map((k) => k.jobs.length > 0), { ...query, view: undefined, namespace: undefined }, view?.filter ?? {}])
    : undefined;
  const remembered = key === undefined ? undefined : catalog.recall<ReturnType<typeof jobList>>(key, before);
  const list = remembered ?? jobList(described, historyOf, filters, now);
  if (key !== undefined && !remembered && !dependsOnNow(described, historyOf)) catalog.remember(key, before, list);
  return { ...list, ...(history.notice ? { notice: history.notice } : {}) };
}

async function describeOne(cluster: ClusterPort, history: History, job: JobRef, now: Date): Promise<JobDescription> {
  const resource = await readJob(cluster, history.store, job);
  if (resource) return describeJob(job.kind, resource, now);
  return { ...job, folder: '', description: '', labels: {}, parameters: [], stages: [] };
}

/** `GET /api/capstan/v1/jobs/{kind}/{ns}/{name}`: the job header. */
export async function getJob(cluster: ClusterPort, history: History, job: JobRef, now: Date) {
  const description = await describeOne(cluster, history, job, now);
  const summaries = await history.store.summaries([job]);
  const summary = toJobSummary(description, summaries.values().next().value ?? noHistory, now);
  return { ...summary, stages: description.stages, ...(history.notice ? { notice: history.notice } : {}) };
}

/** `GET .../builds`: newest first, keyset-paginated by number. */
export async function listBuilds(cluster: ClusterPort, history: History, job: JobRef, options: { limit: number; before?: number }, now: Date) {
  await readJob(cluster, history.store, job);
  const page = await history.store.page(job, options.limit + 1, options.before);
  const items = page.slice(0, options.limit);
  return { items: items.map((b) => toBuildJson(b, now)), ...(page.length > options.limit ? { nextBefore: items.at(-1)!.number } : {}) };
}

/** `GET .../builds/{number}`: one build, its neighbours and the previous build's parameters. */
export async function getBuild(cluster: ClusterPort, history: History, job: JobRef, number: number, now: Date) {
  await readJob(cluster, history.store, job);
  const build = await history.store.get(job, number);
  if (!build) throw notFound('builds', `${jobKey(job)}#${number}`);
  const { previous, next } = await history.store.neighbours(job, number);
  return {
    ...toBuildJson(build, now),
    ...(previous ? { previousNumber: previous.number, previousParameters: previous.parameters } : {}),
    ...(next ? { nextNumber: next.number } : {}),
  };
}

/**
 * The stages of builds: stored once completed; running ones read from their live workflow; builds archived before
 * their stages were kept get them from the archive's nodes in one read, and keep them.
 */
async function stagesOf(cluster: ClusterPort, history: History, builds: StoredBuild[]): Promise<Map<string, StageRun[]>> {
  const result = new Map<string, StageRun[]>();
  const fromArchive: StoredBuild[] = [];
  await Promise.all(builds.map(async (build) => {
    if (build.stages) return result.set(build.uid, build.stages);
    const live = build.live ? await cluster.get<WorkflowObject>('workflows', build.namespace, build.workflowName).catch(() => undefined) : undefined;
    if (live?.metadata.uid === build.uid) return result.set(build.uid, stagesOfNodes(build.workflowName, live.status?.nodes));
    if (build.archived) fromArchive.push(build);
    return undefined;
  }));
  const nodes = await history.store.archivedNodes(fromArchive.map((b) => b.uid));
  const computed = fromArchive.map((b) => ({ uid: b.uid, stages: stagesOfNodes(b.workflowName, nodes.get(b.uid)) }));
  for (const { uid, stages } of computed) result.set(uid, stages);
  await history.store.setStages(computed.filter((c) => isCompleted(builds.find((b) => b.uid === c.uid)?.phase)));
  return result;
}

/** `GET .../stages`: Jenkins' stage view over the last `limit` builds. */
export async function stageView(cluster: ClusterPort, history: History, job: JobRef, limit: number, now: Date) {
  const description = await describeOne(cluster, history, job, now);
  const builds = await history.store.page(job, limit, undefined, true);
  const stages = await stagesOf(cluster, history, builds);
  return stageMatrix(description.stages, builds.map((b) => ({ ...toBuildLink(b, now), stages: stages.get(b.uid) ?? [] })));
}

/** `GET .../trends`: completed builds oldest first, success rate, mean duration, optionally for some parameter values. */
export async function trends(cluster: ClusterPort, history: History, job: JobRef, limit: number, parameters: { name: string; value: string }[], now: Date) {
  await readJob(cluster, history.store, job);
  const builds = await history.store.completed(job, limit, parameters);
  const points = trendPoints(builds.map((b) => toBuildLink(b, now))).map(({ number, phase, durationSeconds, startedAt }) => ({ number, phase, durationSeconds, startedAt }));
  const parameterValues = await history.store.parameterValues(job, limit);
  return { points, ...summarise(points), parameterValues };
}
