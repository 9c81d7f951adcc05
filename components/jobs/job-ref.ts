import type { JobKind, JobRef } from '@/lib/history/job-ref';

export type { JobKind, JobRef };
export { jobKey } from '@/lib/history/job-ref';

// Page URLs use Argo's own segments (`/workflow-templates/...`), so Argo links map onto job pages one to one.
const segmentByKind: Record<JobKind, string> = {
  workflowtemplates: 'workflow-templates',
  clusterworkflowtemplates: 'cluster-workflow-templates',
  cronworkflows: 'cron-workflows',
};

/** What Argo's submit endpoint calls each kind. */
export const resourceKindOf: Record<JobKind, 'WorkflowTemplate' | 'ClusterWorkflowTemplate' | 'CronWorkflow'> = {
  workflowtemplates: 'WorkflowTemplate',
  clusterworkflowtemplates: 'ClusterWorkflowTemplate',
  cronworkflows: 'CronWorkflow',
};

/** Cluster-scoped jobs have no namespace; their paths carry this placeholder so every job has the same shape. */
export const clusterScope = '-';

/** The job named by a page URL's segments, or undefined for an unknown kind. Next.js passes segments encoded. */
export function jobRefFromSegments(kindSegment: string, namespace: string, name: string): JobRef | undefined {
  const kind = (Object.keys(segmentByKind) as JobKind[]).find((k) => segmentByKind[k] === kindSegment);
  if (!kind) return undefined;
  return { kind, namespace: kind === 'clusterworkflowtemplates' ? '' : decodeURIComponent(namespace), name: decodeURIComponent(name) };
}

const encodePath = (parts: (string | number)[]) => parts.map((p) => encodeURIComponent(String(p))).join('/');

/** The job's page, `/jobs/{kind}/{namespace}/{name}`, plus an optional sub-path (`build`, `builds`, `42`). */
export function jobHref(job: JobRef, ...rest: (string | number)[]): string {
  return `/${encodePath(['jobs', segmentByKind[job.kind], job.namespace || clusterScope, job.name, ...rest])}`;
}

/** A build's page. */
export function buildHref(job: JobRef, number: number): string {
  return jobHref(job, 'builds', number);
}

/** The history API's path for the job, plus an optional sub-path (`builds`, `stages`, ...). */
export function jobApiPath(job: JobRef, ...rest: (string | number)[]): string {
  return `api/capstan/v1/${encodePath(['jobs', job.kind, job.namespace || clusterScope, job.name, ...rest])}`;
}

/** The Argo API path that reads the job's own resource. */
export function jobResourcePath(job: JobRef): string {
  const name = encodeURIComponent(job.name);
  return job.kind === 'clusterworkflowtemplates'
    ? `api/v1/cluster-workflow-templates/${name}`
    : `api/v1/${segmentByKind[job.kind]}/${encodeURIComponent(job.namespace)}/${name}`;
}

/** Short human names of the kinds. */
export const kindLabel: Record<JobKind, string> = {
  workflowtemplates: 'Template',
  clusterworkflowtemplates: 'Cluster template',
  cronworkflows: 'Cron',
};

/** The favourites API's path for the job. */
export function favouriteApiPath(job: JobRef): string {
  return `api/capstan/v1/${encodePath(['favourites', job.kind, job.namespace || clusterScope, job.name])}`;
}
