import { headers } from 'next/headers';
import { Suspense } from 'react';
import { GET as getFavourites } from '@/app/api/capstan/v1/favourites/route';
import { GET as getJobs } from '@/app/api/capstan/v1/jobs/route';
import { GET as getViews } from '@/app/api/capstan/v1/views/route';
import { apiUrl, earlyRequestsScript } from '@/components/api-client';
import { JobsHome } from '@/components/jobs/jobs-home';
import { favouritesPath, favouritesQuery, jobListPath, jobListQuery, viewsPath, viewsQuery } from '@/components/queries/history';
import type { JobList } from '@/components/queries/history-types';
import { type SeededAnswer, SeededQueries } from '@/components/seeded-queries';
import { filterOf, parseJobsQuery } from '@/lib/job-catalog/jobs-query-string';
import { answerInPage } from '@/server/api/answer-in-page';
import { findRuntime } from '@/server/runtime';

type SearchParams = Record<string, string | string[] | undefined>;

// Rows the server renders and seeds: more than a tall screen shows, far fewer than a thousand jobs.
const firstScreenRows = 40;

/** A list's first screen, or undefined when the list is short enough to send whole. */
function firstScreenOf(list: JobList): JobList | undefined {
  const items = list.items ?? [];
  return items.length > firstScreenRows ? { ...list, items: items.slice(0, firstScreenRows), firstScreenOf: items.length } : undefined;
}

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const entries = Object.entries(await searchParams).flatMap(([key, value]): [string, string][] =>
    (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((v) => [key, v]));
  const state = parseJobsQuery(entries);
  const baseHref = findRuntime()?.config.baseHref ?? '/';
  const filter = { ...filterOf(state), view: state.view };
  // The first screen's answers (the list, the views, the favourites) are computed here, in the page's request, so
  // the HTML has the rows and the folder tree before any script runs (docs/build-history.md, *Speed with 1,000
  // jobs*). What the server could not answer (a refusal, an error) the browser asks for from the HTML, while the
  // scripts load, and shows as it does without this.
  const questions = [
    { path: jobListPath(filter), queryKey: jobListQuery(baseHref, filter).queryKey, handler: getJobs },
    { path: viewsPath, queryKey: viewsQuery(baseHref).queryKey, handler: getViews },
    { path: favouritesPath, queryKey: favouritesQuery(baseHref).queryKey, handler: getFavourites },
  ];
  const requestHeaders = new Headers(await headers());
  const at = Date.now();
  const answered = await Promise.all(questions.map(async (q) => ({ ...q, json: await answerInPage(q.handler, q.path, requestHeaders) })));
  const [list, ...rest] = answered;
  // A long list is seeded as its first screen only (the page's payload stays small, and hydration quick), marked
  // stale so the browser asks for the whole list at once: it is requested from the HTML, so it is usually there by
  // the time the page has hydrated.
  const firstScreen = list?.json === undefined || state.favourites ? undefined : firstScreenOf(JSON.parse(list.json) as JobList);
  const seeded: SeededAnswer[] = [
    ...(firstScreen ? [{ queryKey: list!.queryKey, json: JSON.stringify(firstScreen), at: 0 }] : list?.json === undefined ? [] : [{ queryKey: list.queryKey, json: list.json, at }]),
    ...rest.flatMap((a) => (a.json === undefined ? [] : [{ queryKey: a.queryKey, json: a.json, at }])),
  ];
  const early = answered.filter((a) => a.json === undefined || (a === list && firstScreen)).map((a) => apiUrl(baseHref, a.path));
  return (
    <>
      {early.length ? <script dangerouslySetInnerHTML={{ __html: earlyRequestsScript(early) }} /> : null}
      <SeededQueries answers={seeded}>
        <Suspense>
          <JobsHome renderedAt={at} />
        </Suspense>
      </SeededQueries>
    </>
  );
}
