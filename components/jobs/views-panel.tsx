'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { type JobsPageState, filterOf, hasFilter, toJobsQuery } from '@/lib/job-catalog/jobs-query-string';
import { type ViewDraft, draftOf, filterOfDraft } from '@/lib/job-catalog/view-draft';
import { ConfirmDialog } from '../actions/confirm-dialog';
import { apiFetch, apiUrl } from '../api-client';
import { viewsQuery } from '../queries/history';
import type { View } from '../queries/history-types';
import { useSettings } from '../settings-context';
import { ViewEditor } from './view-editor';
import { ShallowLink } from './shallow-link';

type Editing = { mode: 'create'; initial: ViewDraft } | { mode: 'edit'; view: View } | { mode: 'delete'; view: View } | undefined;

const iconButton = 'rounded px-1 text-xs text-slate-500 hover:bg-slate-200 hover:text-slate-900 dark:hover:bg-slate-700';

/**
 * Saved views (filters Capstan keeps for everyone): open one, create one (from the current filter or from scratch),
 * edit or rename it, copy its link, delete it. A view opens by its id alone (`/jobs?view=checkout`).
 */
export function ViewsPanel({ state, folders, hrefFor, onOpen }: {
  state: JobsPageState; folders: string[]; hrefFor: (s: JobsPageState) => string; onOpen: (id: string | undefined) => void;
}) {
  const { baseHref } = useSettings();
  const queryClient = useQueryClient();
  const views = useQuery(viewsQuery(baseHref));
  const [editing, setEditing] = useState<Editing>();
  const [copied, setCopied] = useState(false);
  const refresh = () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ['capstan', 'views'] }),
    queryClient.invalidateQueries({ queryKey: ['capstan', 'jobs'] }),
  ]);
  const save = useMutation({
    mutationFn: ({ draft, id }: { draft: ViewDraft; id?: string }) => {
      const body = JSON.stringify({ name: draft.name.trim(), filter: filterOfDraft(draft) });
      return id
        ? apiFetch<View>(baseHref, `api/capstan/v1/views/${encodeURIComponent(id)}`, { method: 'PUT', body })
        : apiFetch<View>(baseHref, 'api/capstan/v1/views', { method: 'POST', body });
    },
    onSuccess: async (view) => {
      await refresh();
      setEditing(undefined);
      // The view now holds the filter: show it through the view alone, so the link to share is short.
      onOpen(view.id);
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(baseHref, `api/capstan/v1/views/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: async () => { await refresh(); setEditing(undefined); onOpen(undefined); },
  });
  const close = () => { setEditing(undefined); save.reset(); remove.reset(); };
  const copyLink = async (view: View) => {
    const link = new URL(apiUrl(baseHref, `jobs?${toJobsQuery({ favourites: false, view: view.id })}`), window.location.origin).href;
    await navigator.clipboard?.writeText(link).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 2_000);
  };
  const items = views.data?.items ?? [];
  const active = items.find((v) => v.id === state.view);
  return (
    <section aria-labelledby="views-heading">
      <div className="mb-1 flex items-center px-2">
        <h2 id="views-heading" className="mr-auto text-xs font-semibold uppercase tracking-wide text-slate-500">Views</h2>
        <button type="button" className={iconButton} aria-label="New view" title="New view"
          onClick={() => setEditing({ mode: 'create', initial: draftOf('', active ? {} : filterOf(state)) })}>+</button>
      </div>
      <ul className="space-y-px text-sm">
        {items.map((view) => (
          <li key={view.id} className={`group flex items-center rounded-md pr-1 ${view.id === state.view ? 'bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-200' : 'text-slate-700 hover:bg-slate-100'}`}>
            <ShallowLink href={hrefFor({ favourites: false, view: view.id })} className="min-w-0 flex-1 truncate px-2 py-1" title={describeFilter(view)}>{view.name}</ShallowLink>
            {view.id === state.view ? (
              <span className="flex shrink-0 items-center">
                <button type="button" onClick={() => void copyLink(view)} className={iconButton} aria-label={`Copy link to view ${view.name}`} title="Copy link">{copied ? '✓' : <LinkIcon />}</button>
                <button type="button" onClick={() => setEditing({ mode: 'edit', view })} className={iconButton} aria-label={`Edit view ${view.name}`} title="Edit">✎</button>
                <button type="button" onClick={() => setEditing({ mode: 'delete', view })} className={`${iconButton} hover:text-rose-600`} aria-label={`Delete view ${view.name}`} title="Delete">✕</button>
              </span>
            ) : null}
          </li>
        ))}
        {items.length === 0 && !views.isPending ? <li className="px-2 py-1 text-xs text-slate-500">No saved views yet.</li> : null}
      </ul>
      {hasFilter(state) && !active ? (
        <button type="button" onClick={() => setEditing({ mode: 'create', initial: draftOf('', filterOf(state)) })}
          className="mt-1 px-2 text-xs font-medium text-blue-700 hover:underline">+ Save this filter as a view</button>
      ) : null}
      {views.error ? <p role="alert" className="mt-1 px-2 text-xs text-rose-700">{views.error.message}</p> : null}
      {editing?.mode === 'create' ? (
        <ViewEditor title="New view" initial={editing.initial} folders={folders} pending={save.isPending} error={save.error?.message}
          onSave={(draft) => save.mutate({ draft })} onCancel={close} />
      ) : editing?.mode === 'edit' ? (
        <ViewEditor title={`Edit view “${editing.view.name}”`} initial={draftOf(editing.view.name, editing.view.filter)} folders={folders} pending={save.isPending}
          error={save.error?.message} onSave={(draft) => save.mutate({ draft, id: editing.view.id })} onCancel={close} />
      ) : editing?.mode === 'delete' ? (
        <ConfirmDialog open title={`Delete the view “${editing.view.name}”?`} confirmLabel="Delete view" danger pending={remove.isPending}
          error={remove.error?.message} onConfirm={() => remove.mutate(editing.view.id)} onCancel={close}>
          It is deleted for everyone; links to <code>/jobs?view={editing.view.id}</code> then show every job.
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

function LinkIcon() {
  return (
    <svg aria-hidden viewBox="0 0 16 16" className="inline h-3 w-3" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round">
      <path d="M6.5 9.5l3-3M7 4.5l1-1a2.5 2.5 0 013.5 3.5l-1 1M9 11.5l-1 1A2.5 2.5 0 014.5 9l1-1" />
    </svg>
  );
}

function describeFilter(view: View): string {
  const f = view.filter;
  return [f.folder && `folder ${f.folder}`, f.namespace && `namespace ${f.namespace}`, f.search && `“${f.search}”`, f.labels && `labels ${f.labels}`,
    f.nameRegex && `name /${f.nameRegex}/`, f.lastStatus?.length && `last build ${f.lastStatus.join(' or ')}`].filter(Boolean).join(', ') || 'every job';
}
