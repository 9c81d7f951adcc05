'use client';
import { useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { type JobsPageState, parseJobsQuery, toJobsQuery } from '@/lib/job-catalog/jobs-query-string';
import { replaceQuery } from './shallow-link';

/** The jobs home's filter, view and favourites switch, held in the URL so every list is a shareable link. */
export function useJobsState() {
  const searchParams = useSearchParams();
  const state = useMemo(() => parseJobsQuery(searchParams), [searchParams]);
  const hrefFor = useCallback((next: JobsPageState) => {
    const query = toJobsQuery(next);
    return query ? `/jobs?${query}` : '/jobs';
  }, []);
  // Only the query changes: no server round trip (components/jobs/shallow-link.tsx).
  const update = useCallback((changes: Partial<JobsPageState>) => replaceQuery(toJobsQuery({ ...state, ...changes })), [state]);
  return { state, update, hrefFor };
}
