'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

export const detailTabs = ['graph', 'timeline', 'nodes', 'logs', 'summary', 'events', 'yaml'] as const;
export type DetailTab = (typeof detailTabs)[number];

/** The detail page's view state, kept in the URL (`?tab=graph|timeline|nodes|logs|summary|yaml&node=<id>`) so links reopen it. */
export function useDetailParams() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const tabParam = searchParams.get('tab');
  const tab: DetailTab = detailTabs.includes(tabParam as DetailTab) ? (tabParam as DetailTab) : 'graph';
  const nodeId = searchParams.get('node') ?? undefined;

  /** A query string with some parameters changed; undefined removes one. */
  const hrefWith = useCallback(
    (changes: Record<string, string | undefined>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) next.delete(key);
        else next.set(key, value);
      }
      const query = next.toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [pathname, searchParams],
  );
  const selectNode = useCallback(
    (id: string | undefined) => router.replace(hrefWith({ node: id }), { scroll: false }),
    [router, hrefWith],
  );
  return { tab, nodeId, hrefWith, selectNode };
}
