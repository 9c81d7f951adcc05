'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { cronScheduleStrings, nextScheduledTime } from '@/lib/cron/cron-schedules';
import type { CronWorkflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import type { ListOf } from '@/lib/watch/apply-watch-event';
import { apiFetch } from '../api-client';
import { PageHeader } from '../page-header';
import { useSettings } from '../settings-context';
import { EmptyState, ErrorState } from '../states';
import { formatTimestamp } from '../workflow-detail/format';
import { ListSkeleton } from '../workflow-list/list-skeleton';
import { NamespacePicker } from '../workflow-list/namespace-picker';

type ListedCron = CronWorkflow & KubeObject;

/**
 * A namespace's CronWorkflows: schedules, time zone, next run (in the browser's zone), last run, active runs,
 * counts, and suspend/resume. Each name opens the cron workflow's job page (`/cron-workflows/{ns}/{name}`).
 */
export function CronList({ namespace }: { namespace?: string }) {
  const settings = useSettings();
  const ns = namespace ?? settings.namespace;
  const router = useRouter();
  const client = useQueryClient();
  const queryKey = ['argo', 'cronworkflows', ns, undefined, {}];
  const query = useQuery({
    queryKey,
    queryFn: () => apiFetch<ListOf<ListedCron>>(settings.baseHref, `api/v1/cron-workflows/${encodeURIComponent(ns)}`),
    refetchInterval: 10_000,
  });
  const toggle = useMutation({
    mutationFn: ({ name, suspend }: { name: string; suspend: boolean }) =>
      apiFetch<unknown>(settings.baseHref, `api/v1/cron-workflows/${encodeURIComponent(ns)}/${encodeURIComponent(name)}/${suspend ? 'suspend' : 'resume'}`, { method: 'PUT', body: '{}' }),
    onSettled: () => client.invalidateQueries({ queryKey }),
  });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const now = new Date();
  const items = query.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Cron workflows"
        subtitle={<NamespacePicker namespace={ns} onChange={(n) => router.push(`/cron-workflows/${encodeURIComponent(n)}`)} />}
        actions={<Link href="/cron-workflows/new" className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700">New cron workflow</Link>}
      />
      {toggle.error ? <div className="mb-3"><ErrorState message={`Could not change the schedule: ${toggle.error.message}`} /></div> : null}
      {query.isPending ? <ListSkeleton /> : query.error ? (
        <ErrorState message={`Could not list cron workflows: ${query.error.message}`} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={`No cron workflows in ${ns}.`}>
          Create one with <code className="rounded bg-slate-100 px-1 text-slate-800 dark:bg-slate-800">argo cron create file.yaml -n {ns}</code>: it runs a workflow on a schedule.
        </EmptyState>
      ) : (
        <table className="w-full overflow-hidden rounded-lg bg-white text-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
          <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-400">
            <tr>
              <th className="px-4 py-2">Name</th><th className="px-4 py-2">Schedule</th><th className="px-4 py-2">Next run ({zone})</th>
              <th className="px-4 py-2">Last run</th><th className="px-4 py-2">Active</th><th className="px-4 py-2">Succeeded / failed</th><th className="px-4 py-2"><span className="sr-only">Suspend or resume</span></th>
            </tr>
          </thead>
          <tbody>
            {items.map((cron) => {
              const name = cron.metadata.name ?? '';
              const suspended = Boolean(cron.spec?.suspend);
              const next = suspended ? undefined : nextScheduledTime(cron.spec, now, zone);
              const status = cron.status ?? {};
              return (
                <tr key={cron.metadata.uid ?? name} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="px-4 py-2 font-medium">
                    <Link href={`/cron-workflows/${encodeURIComponent(ns)}/${encodeURIComponent(name)}`} className="text-blue-700 hover:underline dark:text-blue-300">{name}</Link>
                  </td>
                  <td className="px-4 py-2 font-mono text-xs">
                    {cronScheduleStrings(cron.spec).join(', ')}
                    {cron.spec?.timezone ? <span className="ml-1 font-sans text-slate-500">({cron.spec.timezone})</span> : null}
                  </td>
                  <td className="px-4 py-2 tabular-nums text-slate-600 dark:text-slate-300">{suspended ? <span className="text-amber-700 dark:text-amber-300">Suspended</span> : next ? formatTimestamp(next.toISOString()) : '-'}</td>
                  <td className="px-4 py-2 tabular-nums text-slate-600 dark:text-slate-300">{formatTimestamp(status.lastScheduledTime)}</td>
                  <td className="px-4 py-2 tabular-nums">{status.active?.length ?? 0}</td>
                  <td className="px-4 py-2 tabular-nums">{status.succeeded ?? 0} / {status.failed ?? 0}</td>
                  <td className="space-x-2 whitespace-nowrap px-4 py-2 text-right">
                    <Link href={`/cron-workflows/${encodeURIComponent(ns)}/${encodeURIComponent(name)}/edit`} aria-label={`Edit ${name}`} className="text-xs font-medium text-blue-700 hover:underline dark:text-blue-300">Edit</Link>
                    <button
                      type="button"
                      onClick={() => toggle.mutate({ name, suspend: !suspended })}
                      disabled={toggle.isPending}
                      className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
                    >
                      {suspended ? 'Resume' : 'Suspend'}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
