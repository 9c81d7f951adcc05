'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import type { ListOf } from '@/lib/watch/apply-watch-event';
import { toLabelSelector } from '@/lib/workflows/list-filters';
import { apiFetch } from '../api-client';
import { PageHeader } from '../page-header';
import { PhaseBadge } from '../phase-badge';
import type { ListedWorkflow } from '../queries/workflow-list';
import { useSettings } from '../settings-context';
import { EmptyState, ErrorState } from '../states';
import { formatElapsed, formatTimestamp } from '../workflow-detail/format';
import { ListSkeleton } from '../workflow-list/list-skeleton';
import { NamespacePicker } from '../workflow-list/namespace-picker';

const pageSize = 100;

/** Finished workflows kept in the archive, newest first, filtered by name prefix and labels; pages from the server. */
export function ArchivedList({ namespace }: { namespace?: string }) {
  const settings = useSettings();
  const ns = namespace ?? settings.namespace;
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const name = params.get('name') ?? '';
  const labels = params.getAll('label');
  const [tokens, setTokens] = useState<string[]>([]);
  const continueToken = tokens[tokens.length - 1];
  const query = useQuery({
    queryKey: ['argo', 'archived-workflows', ns, undefined, { name, labels, continueToken }],
    queryFn: () => {
      const q = new URLSearchParams({ namespace: ns, 'listOptions.limit': String(pageSize) });
      if (name) { q.set('namePrefix', name); }
      const selector = toLabelSelector({ phases: [], labels });
      if (selector) q.set('listOptions.labelSelector', selector);
      if (continueToken) q.set('listOptions.continue', continueToken);
      return apiFetch<ListOf<ListedWorkflow>>(settings.baseHref, `api/v1/archived-workflows?${q}`);
    },
    placeholderData: keepPreviousData,
  });
  const setFilter = (form: FormData) => {
    const next = new URLSearchParams();
    const n = String(form.get('name') ?? '').trim();
    if (n) next.set('name', n);
    for (const l of String(form.get('labels') ?? '').split(',').map((x) => x.trim()).filter(Boolean)) next.append('label', l);
    setTokens([]);
    router.replace(next.size ? `${pathname}?${next}` : pathname);
  };
  const items = query.data?.items ?? [];
  const now = new Date();
  return (
    <>
      <PageHeader title="Archived workflows" subtitle={<NamespacePicker namespace={ns} onChange={(n) => router.push(`/archived-workflows/${encodeURIComponent(n)}`)} />} />
      <form role="search" aria-label="Filter archived workflows" onSubmit={(e) => { e.preventDefault(); setFilter(new FormData(e.currentTarget)); }} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-3 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
        <label className="flex flex-col gap-0.5 text-xs text-slate-500">Name starts with
          <input name="name" defaultValue={name} className="w-56 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800" />
        </label>
        <label className="flex flex-col gap-0.5 text-xs text-slate-500">Labels
          <input name="labels" defaultValue={labels.join(',')} placeholder="team=data" className="w-56 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800" />
        </label>
        <button type="submit" className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700">Apply</button>
      </form>
      {query.isPending ? <ListSkeleton /> : query.error ? (
        <ErrorState message={`Could not list the archive: ${query.error.message}`} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={name || labels.length ? 'No archived workflows match.' : `No archived workflows in ${ns}.`}>
          Workflows are archived here when they finish, so they stay visible after they are deleted from the cluster.
        </EmptyState>
      ) : (
        <table className="w-full overflow-hidden rounded-lg bg-white text-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
          <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-400">
            <tr><th className="px-4 py-2">Name</th><th className="px-4 py-2">Status</th><th className="px-4 py-2">Started</th><th className="px-4 py-2">Finished</th><th className="px-4 py-2">Duration</th></tr>
          </thead>
          <tbody>
            {items.map((wf) => (
              <tr key={wf.metadata.uid} className="border-t border-slate-100 dark:border-slate-800">
                <td className="px-4 py-2 font-medium">
                  <Link href={`/archived-workflows/${encodeURIComponent(wf.metadata.namespace ?? ns)}/${encodeURIComponent(wf.metadata.uid ?? '')}`} className="text-blue-700 hover:underline dark:text-blue-300">{wf.metadata.name}</Link>
                </td>
                <td className="px-4 py-2"><PhaseBadge phase={wf.status?.phase} /></td>
                <td className="px-4 py-2 tabular-nums text-slate-600 dark:text-slate-300">{formatTimestamp(wf.status?.startedAt)}</td>
                <td className="px-4 py-2 tabular-nums text-slate-600 dark:text-slate-300">{formatTimestamp(wf.status?.finishedAt)}</td>
                <td className="px-4 py-2 tabular-nums text-slate-600 dark:text-slate-300">{formatElapsed(wf.status ?? {}, now) || '-'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label="Pages" className="mt-3 flex justify-end gap-2 text-xs">
        <button type="button" disabled={!tokens.length} onClick={() => setTokens(tokens.slice(0, -1))} className="rounded-md border border-slate-300 px-2.5 py-1 disabled:opacity-40 dark:border-slate-600">Previous</button>
        <button type="button" disabled={!query.data?.metadata.continue} onClick={() => setTokens([...tokens, query.data!.metadata.continue!])} className="rounded-md border border-slate-300 px-2.5 py-1 disabled:opacity-40 dark:border-slate-600">Next</button>
      </nav>
    </>
  );
}
