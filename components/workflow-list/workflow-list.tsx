'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useRef, useState } from 'react';
import { hasFilters, matchesListFilters, toLabelSelector } from '@/lib/workflows/list-filters';
import { sortWorkflows } from '@/lib/workflows/sort-workflows';
import { PageHeader } from '../page-header';
import { type ListedWorkflow, workflowEventFields, workflowListQuery } from '../queries/workflow-list';
import { useSettings } from '../settings-context';
import { useWorkflowListWatch, workflowEventsUrl } from '../streams/use-workflow-watch';
import { useNow } from '../workflow-detail/use-now';
import { BulkActions } from './bulk-actions';
import { FilterBar } from './filter-bar';
import { ListSkeleton } from './list-skeleton';
import { NamespacePicker } from './namespace-picker';
import { Pager } from './pager';
import { pageSizes, useListParams } from './use-list-params';
import { WorkflowRows } from './workflow-rows';

const newestFirst = (a: ListedWorkflow, b: ListedWorkflow) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '');

/** The workflows of a namespace: filters and sort in the URL, server-side pages, live updates, bulk actions. */
export function WorkflowList({ namespace }: { namespace?: string }) {
  const settings = useSettings();
  const ns = namespace ?? settings.namespace;
  const router = useRouter();
  const search = useSearchParams();
  const { filters, sort, limit, write } = useListParams();
  // Continue tokens of the pages before this one; a change of filters starts again at the first page.
  const [pages, setPages] = useState<{ key: string; tokens: string[] }>({ key: '', tokens: [] });
  const pageKey = `${ns}|${search.toString()}`;
  const tokens = pages.key === pageKey ? pages.tokens : [];
  const continueToken = tokens[tokens.length - 1];
  const page = useMemo(() => ({ filters, limit, continueToken }), [filters, limit, continueToken]);
  const options = workflowListQuery(settings.baseHref, ns, page);
  const query = useQuery({ ...options, placeholderData: keepPreviousData });

  // Watch from the version the first load of this view saw: the stream then sends only what changed since,
  // not an ADDED event for each of thousands of workflows.
  const watchFrom = useRef<{ key: string; version?: string }>({ key: '' });
  const viewKey = JSON.stringify(options.queryKey);
  if (watchFrom.current.key !== viewKey && query.data && !query.isPlaceholderData) watchFrom.current = { key: viewKey, version: query.data.metadata.resourceVersion };
  const labelSelector = toLabelSelector(filters);
  const eventsUrl = watchFrom.current.key === viewKey
    ? `${workflowEventsUrl(settings.baseHref, ns, { labelSelector, resourceVersion: watchFrom.current.version })}&fields=${encodeURIComponent(workflowEventFields)}`
    : undefined;
  const listOptions = useMemo(() => ({ compare: newestFirst, accepts: (w: ListedWorkflow) => matchesListFilters(w, filters), firstPage: !continueToken }), [filters, continueToken]);
  const stream = useWorkflowListWatch<ListedWorkflow>(eventsUrl, options.queryKey, listOptions);

  const items = useMemo(() => query.data?.items ?? [], [query.data]);
  const running = items.some((w) => w.status?.phase === 'Running' || w.status?.phase === 'Pending' || !w.status?.phase);
  const now = useNow(running);
  const sorted = useMemo(() => sortWorkflows(items, sort, now), [items, sort, now]);

  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback((name: string) => setSelected((old) => {
    const next = new Set(old);
    if (!next.delete(name)) next.add(name);
    return next;
  }), []);
  const toggleAll = () => setSelected((old) => (items.every((w) => old.has(w.metadata.name ?? '')) ? new Set() : new Set(items.map((w) => w.metadata.name ?? ''))));
  const selectedWorkflows = useMemo(() => items.filter((w) => selected.has(w.metadata.name ?? '')), [items, selected]);

  const filtered = hasFilters(filters);
  return (
    <div className="flex h-[calc(100vh-3rem)] min-h-[32rem] flex-col">
      <PageHeader
        title="Workflows"
        subtitle={<NamespacePicker namespace={ns} onChange={(next) => router.push(`/workflows/${encodeURIComponent(next)}${search.size ? `?${search}` : ''}`)} />}
        actions={<Link href="/submit" className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700">Submit new workflow</Link>}
      />
      <FilterBar filters={filters} onChange={(next) => write({ filters: next })} />
      <BulkActions namespace={ns} workflows={selectedWorkflows} onDone={() => setSelected(new Set())} />
      {query.isPending ? (
        <ListSkeleton />
      ) : query.error ? (
        <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-200">
          Could not list the workflows in {ns}: {query.error.message}
          <button type="button" onClick={() => void query.refetch()} className="ml-3 font-medium underline">Try again</button>
        </div>
      ) : items.length === 0 ? (
        <div className="rounded-lg bg-white px-6 py-12 text-center ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
          {filtered ? (
            <>
              <p className="font-medium">No workflows match these filters.</p>
              <button type="button" onClick={() => write({ filters: { phases: [], labels: [] } })} className="mt-2 text-sm font-medium text-blue-700 hover:underline dark:text-blue-300">Clear the filters</button>
            </>
          ) : (
            <>
              <p className="font-medium">No workflows in {ns} yet.</p>
              <p className="mt-1 text-sm text-slate-500">Run one from a <Link href="/workflow-templates" className="font-medium text-blue-700 hover:underline dark:text-blue-300">template</Link>, <Link href="/submit" className="font-medium text-blue-700 hover:underline dark:text-blue-300">submit YAML</Link>, or use <code className="rounded bg-slate-100 px-1 text-slate-800 dark:bg-slate-800">argo submit -n {ns}</code>.</p>
            </>
          )}
        </div>
      ) : (
        <WorkflowRows items={sorted} selected={selected} onToggle={toggle} onToggleAll={toggleAll} now={now} sort={sort} onSort={(s) => write({ sort: s })} />
      )}
      <Pager
        count={items.length}
        pageNumber={tokens.length + 1}
        live={stream === 'open'}
        limit={limit}
        sizes={pageSizes}
        onLimit={(l) => write({ limit: l })}
        onPrevious={tokens.length ? () => setPages({ key: pageKey, tokens: tokens.slice(0, -1) }) : undefined}
        onNext={query.data?.metadata.continue ? () => setPages({ key: pageKey, tokens: [...tokens, query.data!.metadata.continue!] }) : undefined}
      />
    </div>
  );
}
