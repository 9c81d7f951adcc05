'use client';
import Link from 'next/link';
import type { ComponentProps, MouseEvent } from 'react';

/**
 * A link to another state of the same page (`/jobs?folder=…`): a plain click only changes the URL through the
 * History API, which Next.js keeps in step with `useSearchParams`, so the page re-renders from the client cache at
 * once instead of waiting for a server round trip. New tabs, copying and keyboard use behave as any link. Never
 * prefetched: the router never loads these pages.
 */
export function ShallowLink({ onClick, ...props }: ComponentProps<typeof Link>) {
  const navigate = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    window.history.pushState(null, '', event.currentTarget.href);
  };
  return <Link prefetch={false} {...props} onClick={navigate} />;
}

/** Replaces the query string of the current URL the same way (filters typed into the page). */
export function replaceQuery(query: string): void {
  const url = new URL(window.location.href);
  url.search = query;
  window.history.replaceState(null, '', url);
}
