'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { type JobsPageState, filterOf, hasFilter } from '@/lib/job-catalog/jobs-query-string';
import { apiFetch } from '../api-client';
import { viewsQuery } from '../queries/history';
import type { View } from '../queries/history-types';
import { useSettings } from '../settings-context';

/** Saved views (filters Capstan keeps for everyone): open one, save the current filter as one, update or delete it. */
export function ViewsPanel({ state, hrefFor, onOpen }: { state: JobsPageState; hrefFor: (s: JobsPageState) => string; onOpen: (id: string | undefined) => void }) {
  const { baseHref } = useSettings();
  const queryClient = useQueryClient();
  const views = useQuery(viewsQuery(baseHref));
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['capstan', 'views'] });
  const create = useMutation({
    mutationFn: (viewName: string) => apiFetch<View>(baseHref, 'api/capstan/v1/views', { method: 'POST', body: JSON.stringify({ name: viewName, filter: filterOf(state) }) }),
    onSuccess: async (view) => {
      await refresh();
      setNaming(false);
      setName('');
      // The view now holds the filter: show it through the view alone, so the link to share is short.
      onOpen(view.id);
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(baseHref, `api/capstan/v1/views/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: async () => { await refresh(); onOpen(undefined); },
  });
  const items = views.data?.items ?? [];
  const active = items.find((v) => v.id === state.view);
  const save = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) create.mutate(name.trim());
  };
  const error = views.error ?? create.error ?? remove.error;
  return (
    <section aria-labelledby="views-heading">
      <h2 id="views-heading" className="mb-1 px-2 text-xs font-semibold uppercase tracking-wide text-slate-500">Views</h2>
      <ul className="space-y-px text-sm">
        {items.map((view) => (
          <li key={view.id} className={`group flex items-center rounded-md pr-1 ${view.id === state.view ? 'bg-blue-50 text-blue-800' : 'text-slate-700 hover:bg-slate-100'}`}>
            <Link href={hrefFor({ favourites: false, view: view.id })} className="min-w-0 flex-1 truncate px-2 py-1" title={describeFilter(view)}>{view.name}</Link>
            {view.id === state.view ? (
              <button type="button" onClick={() => { if (window.confirm(`Delete the view “${view.name}” for everyone?`)) remove.mutate(view.id); }}
                className="px-1 text-xs text-slate-400 hover:text-rose-600" aria-label={`Delete view ${view.name}`}>✕</button>
            ) : null}
          </li>
        ))}
        {items.length === 0 && !views.isPending ? <li className="px-2 py-1 text-xs text-slate-400">No saved views yet.</li> : null}
      </ul>
      {naming ? (
        <form onSubmit={save} className="mt-2 px-2">
          <label htmlFor="view-name" className="sr-only">View name</label>
          <input id="view-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="View name"
            className="w-full rounded-md border border-slate-300 px-2 py-1 text-sm focus:border-blue-500 focus:outline-none" />
          <div className="mt-1 flex gap-2">
            <button type="submit" disabled={!name.trim() || create.isPending} className="rounded bg-blue-600 px-2 py-0.5 text-xs font-medium text-white disabled:opacity-50">Save view</button>
            <button type="button" onClick={() => setNaming(false)} className="text-xs text-slate-500 hover:underline">Cancel</button>
          </div>
        </form>
      ) : hasFilter(state) && !active ? (
        <button type="button" onClick={() => setNaming(true)} className="mt-1 px-2 text-xs font-medium text-blue-700 hover:underline">+ Save this filter as a view</button>
      ) : null}
      {error ? <p role="alert" className="mt-1 px-2 text-xs text-rose-700">{error.message}</p> : null}
    </section>
  );
}

function describeFilter(view: View): string {
  const f = view.filter;
  return [f.folder && `folder ${f.folder}`, f.namespace && `namespace ${f.namespace}`, f.search && `“${f.search}”`, f.labels && `labels ${f.labels}`,
    f.nameRegex && `name /${f.nameRegex}/`, f.lastStatus?.length && `last build ${f.lastStatus.join(' or ')}`].filter(Boolean).join(', ') || 'every job';
}
