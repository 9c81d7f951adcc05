'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo } from 'react';
import { type WorkflowListFilters, parseListFilters, toFilterParams } from '@/lib/workflows/list-filters';
import { type WorkflowSort, formatWorkflowSort, parseWorkflowSort } from '@/lib/workflows/sort-workflows';

export const pageSizes = [50, 100, 500, 1000] as const;
const defaultLimit = 100;

/** The list's view state, all in the URL so a reload or a shared link shows the same list. */
export function useListParams() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const key = params.toString();
  const filters = useMemo(() => parseListFilters(new URLSearchParams(key)), [key]);
  const sort = parseWorkflowSort(params.get('sort'));
  const limitParam = Number(params.get('limit'));
  const limit = (pageSizes as readonly number[]).includes(limitParam) ? limitParam : defaultLimit;

  const write = useCallback((next: { filters?: WorkflowListFilters; sort?: WorkflowSort | null; limit?: number }) => {
    const query = toFilterParams(next.filters ?? filters);
    const nextSort = next.sort === null ? undefined : (next.sort ?? sort);
    if (nextSort) query.set('sort', formatWorkflowSort(nextSort));
    const nextLimit = next.limit ?? limit;
    if (nextLimit !== defaultLimit) query.set('limit', String(nextLimit));
    const search = query.toString();
    router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
  }, [filters, sort, limit, router, pathname]);
  return { filters, sort, limit, write };
}
