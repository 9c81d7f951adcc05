import { Suspense } from 'react';
import { apiUrl, earlyRequestsScript } from '@/components/api-client';
import { JobsHome } from '@/components/jobs/jobs-home';
import { favouritesPath, jobListPath, viewsPath } from '@/components/queries/history';
import { filterOf, parseJobsQuery } from '@/lib/job-catalog/jobs-query-string';
import { findRuntime } from '@/server/runtime';

type SearchParams = Record<string, string | string[] | undefined>;

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  // The list the page asks for first, sent from the HTML so it overlaps loading the scripts (docs/build-history.md,
  // *Speed with 1,000 jobs*).
  const entries = Object.entries(await searchParams).flatMap(([key, value]): [string, string][] =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => [key, v]));
  const state = parseJobsQuery(entries);
  const baseHref = findRuntime()?.config.baseHref ?? '/';
  const early = [jobListPath({ ...filterOf(state), view: state.view }), viewsPath, favouritesPath].map((path) => apiUrl(baseHref, path));
  return (
    <>
      <script dangerouslySetInnerHTML={{ __html: earlyRequestsScript(early) }} />
      <Suspense>
        <JobsHome />
      </Suspense>
    </>
  );
}
