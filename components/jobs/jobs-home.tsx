'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useMemo, useRef } from 'react';
import { narrowJobList } from '@/lib/history/narrow-job-list';
import { type JobsPageState, filterOf, hasFilter } from '@/lib/job-catalog/jobs-query-string';
import { PageHeader } from '../page-header';
import { QueryState } from '../query-state';
import { jobListQuery, viewsQuery } from '../queries/history';
import type { Folder, JobList } from '../queries/history-types';
import { useSettings } from '../settings-context';
import { useJobListWatch } from '../streams/use-build-watch';
import { useNow } from '../workflow-detail/use-now';
import { FolderTree } from './folder-tree';
import { HistoryNotice } from './history-notice';
import { JobTable } from './job-table';
import { JobsFilterBar } from './jobs-filter-bar';
import { useFavourites } from './use-favourites';
import { useJobsState } from './use-jobs-state';
import { ViewsPanel } from './views-panel';
import { ShallowLink } from './shallow-link';

// Only while the watch stream is down: it pushes builds starting and finishing into the list.
const fallbackPollMs = 10_000;

function SideLink({ href, active, children }: { href: string; active: boolean; children: ReactNode }) {
  return (
    <ShallowLink href={href} aria-current={active ? 'page' : undefined}
      className={`flex items-center gap-2 rounded-md px-2 py-1 text-sm ${active ? 'bg-blue-50 font-medium text-blue-800 dark:bg-blue-950 dark:text-blue-200' : 'text-slate-700 hover:bg-slate-100'}`}>
      {children}
    </ShallowLink>
  );
}

/** The jobs home: folders, favourites and saved views beside a filtered, virtualised list of every job. */
export function JobsHome() {
  const { baseHref } = useSettings();
  const { state, update, hrefFor } = useJobsState();
  const filter = useMemo(() => ({ ...filterOf(state), view: state.view }), [state]);
  const listQuery = jobListQuery(baseHref, filter);
  const live = useRef(false);
  const queryClient = useQueryClient();
  // While the server answers a new filter, show the jobs already listed narrowed by it (folder clicks and searches
  // are then immediate with 1,000 jobs); the server's answer replaces it.
  const narrowed = (previous: JobList | undefined): JobList | undefined => {
    const base = queryClient.getQueryData<JobList>(jobListQuery(baseHref, { namespace: filter.namespace }).queryKey)
      ?? queryClient.getQueryData<JobList>(jobListQuery(baseHref, {}).queryKey);
    const view = filter.view ? queryClient.getQueryData(viewsQuery(baseHref).queryKey)?.items?.find((v) => v.id === filter.view) : undefined;
    if (!base?.items || (filter.view && !view)) return previous;
    const items = narrowJobList(base.items, filter, view?.filter);
    return items ? { ...base, items } : previous;
  };
  const jobs = useQuery({ ...listQuery, placeholderData: narrowed, refetchInterval: () => (live.current ? false : fallbackPollMs) });
  const views = useQuery(viewsQuery(baseHref));
  const favourites = useFavourites();
  const now = useNow(true, 30_000);
  const items = useMemo(() => {
    const all = jobs.data?.items ?? [];
    return state.favourites ? all.filter((job) => favourites.isFavourite(job)) : all;
  }, [jobs.data, state.favourites, favourites]);
  const namespaces = useMemo(() => [...new Set((jobs.data?.items ?? []).map((j) => j.namespace).filter(Boolean))].sort(), [jobs.data]);
  // One namespace's watch when the jobs are all in one (kubernetes mode is namespaced), else every namespace's.
  const watched = !jobs.data ? undefined : state.namespace || (namespaces.length === 1 ? namespaces[0]! : '');
  live.current = useJobListWatch(baseHref, watched, listQuery.queryKey) === 'open';
  const view = views.data?.items?.find((v) => v.id === state.view);
  const folderPaths = useMemo(() => {
    const paths: string[] = [];
    const walk = (folders: Folder[]) => { for (const f of folders) { paths.push(f.path); walk(f.children ?? []); } };
    walk(jobs.data?.folders ?? []);
    return paths;
  }, [jobs.data]);
  const folderHref = (folder: string | undefined) => hrefFor({ ...state, folder });
  const onlyAll = !state.favourites && !state.view && !state.folder;
  const title = view ? view.name : state.favourites ? 'Favourites' : state.folder ? state.folder.split('/').join(' / ') : 'All jobs';
  return (
    <div className="flex h-[calc(100vh-3rem)] min-h-[30rem] flex-col">
      <PageHeader
        title="Jobs"
        subtitle={<>{title} · {jobs.data ? `${items.length.toLocaleString('en')} job${items.length === 1 ? '' : 's'}` : '…'}{jobs.isFetching && !jobs.isPending ? ' · refreshing' : ''}</>}
        actions={hasFilter(state) || state.view || state.favourites ? <ShallowLink href="/jobs" className="text-sm text-blue-700 hover:underline">Clear filters</ShallowLink> : null}
      />
      <HistoryNotice notice={jobs.data?.notice} />
      <div className="flex min-h-0 flex-1 gap-5">
        <aside className="w-52 shrink-0 space-y-4 overflow-y-auto" aria-label="Folders and views">
          <div className="space-y-px">
            <SideLink href="/jobs" active={onlyAll && !hasFilter(state)}>All jobs</SideLink>
            <SideLink href={hrefFor({ favourites: true })} active={state.favourites}><span className="text-amber-400">★</span> Favourites</SideLink>
          </div>
          <section aria-labelledby="folders-heading">
            <h2 id="folders-heading" className="mb-1 px-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Folders</h2>
            {(jobs.data?.folders ?? []).length ? (
              <FolderTree folders={jobs.data?.folders ?? []} selected={state.folder} hrefFor={folderHref} />
            ) : (
              <p className="px-2 text-xs text-slate-400">No folders. Annotate a template with <code>capstan.io/folder: team/app</code> to file it.</p>
            )}
          </section>
          <ViewsPanel state={state} folders={folderPaths} hrefFor={hrefFor} onOpen={(id) => update({ view: id, ...(id ? emptyFilter : {}) })} />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <JobsFilterBar state={state} update={update} namespaces={namespaces} />
          {view ? <p className="mb-2 text-xs text-slate-500">View <span className="font-medium text-slate-700">{view.name}</span>; filters above narrow it further.</p> : null}
          <QueryState
            isPending={jobs.isPending}
            error={jobs.error}
            empty={items.length === 0 ? (
              <p className="py-10 text-center text-sm text-slate-500">
                {state.favourites ? 'No favourites here yet: star a job to keep it at hand.' : 'No jobs match. Jobs are WorkflowTemplates, ClusterWorkflowTemplates and CronWorkflows.'}
              </p>
            ) : undefined}
          >
            <JobTable jobs={items} favourites={favourites} now={now} />
          </QueryState>
        </div>
      </div>
    </div>
  );
}

const emptyFilter: Partial<JobsPageState> = {
  favourites: false, folder: undefined, namespace: undefined, search: undefined, labels: undefined, nameRegex: undefined, lastStatus: undefined,
};
