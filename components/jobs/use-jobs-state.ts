'use client';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { type JobsPageState, parseJobsQuery, toJobsQuery } from '@/lib/job-catalog/jobs-query-string';

/** The jobs home's filter, view and favourites switch, held in the URL so every list is a shareable link. */
export function useJobsState() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const state = useMemo(() => parseJobsQuery(searchParams), [searchParams]);
  const hrefFor = useCallback((next: JobsPageState) => {
    const query = toJobsQuery(next);
    return query ? `/jobs?${query}` : '/jobs';
  }, []);
  const update = useCallback(
    (changes: Partial<JobsPageState>) => router.replace(hrefFor({ ...state, ...changes }), { scroll: false }),
    [router, hrefFor, state],
  );
  return { state, update, hrefFor };
}
