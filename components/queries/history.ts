import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { apiFetch } from '../api-client';
import { type JobRef, jobApiPath } from '../jobs/job-ref';
import type {
  BuildDetail, BuildPage, FavouriteList, JobDetail, JobList, StageMatrix, Trends, View, ViewFilter,
} from './history-types';

// The build history API (docs/build-history.md). Keys start with 'capstan' and follow the job's coordinates.

/** Query string of the defined entries. */
function toQuery(entries: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(entries)) if (value !== undefined && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The API path of the job list for a filter (the jobs page also sends it early: app/jobs/page.tsx). */
export function jobListPath(filter: ViewFilter & { view?: string }): string {
  const query = toQuery({
    namespace: filter.namespace, folder: filter.folder, search: filter.search, view: filter.view, labels: filter.labels,
    name: filter.nameRegex, status: filter.lastStatus?.join(','),
  });
  return `api/capstan/v1/jobs${query}`;
}

/** Every job the user can see, filtered, with the folder tree. */
export function jobListQuery(baseHref: string, filter: ViewFilter & { view?: string }) {
  return queryOptions({
    queryKey: ['capstan', 'jobs', filter] as const,
    queryFn: () => apiFetch<JobList>(baseHref, jobListPath(filter)),
  });
}

/** One job's summary and stages. */
export function jobDetailQuery(baseHref: string, job: JobRef) {
  return queryOptions({
    queryKey: ['capstan', 'job', job.kind, job.namespace, job.name] as const,
    queryFn: () => apiFetch<JobDetail>(baseHref, jobApiPath(job)),
  });
}

/** A job's builds, newest first, page by page (keyset on the build number). */
export function buildPagesQuery(baseHref: string, job: JobRef, limit = 25) {
  return infiniteQueryOptions({
    queryKey: ['capstan', 'builds', job.kind, job.namespace, job.name, { limit }] as const,
    queryFn: ({ pageParam }) => apiFetch<BuildPage>(baseHref, `${jobApiPath(job, 'builds')}${toQuery({ limit, before: pageParam })}`),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBefore,
  });
}

/** One build, with its neighbours and the previous build's parameters. */
export function buildQuery(baseHref: string, job: JobRef, number: number) {
  return queryOptions({
    queryKey: ['capstan', 'builds', job.kind, job.namespace, job.name, number] as const,
    queryFn: () => apiFetch<BuildDetail>(baseHref, jobApiPath(job, 'builds', number)),
  });
}

/** The stage view: recent builds × the job's top-level steps or tasks. */
export function stagesQuery(baseHref: string, job: JobRef, limit = 20) {
  return queryOptions({
    queryKey: ['capstan', 'stages', job.kind, job.namespace, job.name, { limit }] as const,
    queryFn: () => apiFetch<StageMatrix>(baseHref, `${jobApiPath(job, 'stages')}${toQuery({ limit })}`),
  });
}

/** Duration and success over builds, optionally only those that ran with some parameter values. */
export function trendsQuery(baseHref: string, job: JobRef, limit: number, parameters: Record<string, string>) {
  const query = toQuery({ limit, ...Object.fromEntries(Object.entries(parameters).map(([k, v]) => [`param.${k}`, v])) });
  return queryOptions({
    queryKey: ['capstan', 'trends', job.kind, job.namespace, job.name, { limit, parameters }] as const,
    queryFn: () => apiFetch<Trends>(baseHref, `${jobApiPath(job, 'trends')}${query}`),
  });
}

export const viewsPath = 'api/capstan/v1/views';
export const favouritesPath = 'api/capstan/v1/favourites';

/** The saved views. */
export function viewsQuery(baseHref: string) {
  return queryOptions({
    queryKey: ['capstan', 'views'] as const,
    queryFn: () => apiFetch<{ items: View[] | null }>(baseHref, viewsPath),
  });
}

/** The calling user's favourite jobs. */
export function favouritesQuery(baseHref: string) {
  return queryOptions({
    queryKey: ['capstan', 'favourites'] as const,
    queryFn: () => apiFetch<FavouriteList>(baseHref, favouritesPath),
  });
}
