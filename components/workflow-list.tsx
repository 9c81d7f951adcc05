'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { KubeObject } from '@/lib/k8s/object';
import { PageHeader } from './page-header';
import { PhaseBadge } from './phase-badge';
import { resourceListQuery } from './queries/resources';
import { QueryState } from './query-state';
import { useSettings } from './settings-context';
import { useWorkflowListWatch, workflowEventsUrl } from './streams/use-workflow-watch';

const newestFirst = (a: KubeObject, b: KubeObject) => (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '');

type WorkflowStatus = { phase?: string; startedAt?: string; finishedAt?: string; progress?: string; message?: string };

function templateOf(workflow: KubeObject): string {
  const labels = workflow.metadata.labels ?? {};
  return labels['workflows.argoproj.io/workflow-template'] ?? labels['workflows.argoproj.io/cluster-workflow-template'] ?? labels['workflows.argoproj.io/cron-workflow'] ?? '';
}

export function WorkflowList({ namespace }: { namespace?: string }) {
  const settings = useSettings();
  const ns = namespace ?? settings.namespace;
  const options = resourceListQuery(settings.baseHref, 'workflows', ns);
  const stream = useWorkflowListWatch(workflowEventsUrl(settings.baseHref, ns), options.queryKey, { compare: newestFirst });
  const query = useQuery({ ...options, refetchInterval: stream === 'open' ? false : 3_000 });
  const items = [...(query.data?.items ?? [])].sort((a, b) =>
    (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''),
  );
  return (
    <>
      <PageHeader title="Workflows" subtitle={`namespace ${ns}`} />
      <QueryState
        isPending={query.isPending}
        error={query.error}
        empty={items.length === 0 ? <p className="py-8 text-sm text-slate-500">No workflows yet. Submit one from a template.</p> : undefined}
      >
        <table className="w-full overflow-hidden rounded-lg bg-white text-sm shadow-sm ring-1 ring-slate-200">
          <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="px-4 py-2">Name</th>
              <th className="px-4 py-2">Status</th>
              <th className="px-4 py-2">Template</th>
              <th className="px-4 py-2">Created</th>
              <th className="px-4 py-2">Message</th>
            </tr>
          </thead>
          <tbody>
            {items.map((wf) => {
              const status = (wf['status'] ?? {}) as WorkflowStatus;
              return (
                <tr key={wf.metadata.uid} className="border-t border-slate-100">
                  <td className="px-4 py-2 font-medium">
                    <Link href={`/workflows/${encodeURIComponent(ns)}/${encodeURIComponent(wf.metadata.name ?? '')}`} className="text-blue-700 hover:underline">
                      {wf.metadata.name}
                    </Link>
                  </td>
                  <td className="px-4 py-2"><PhaseBadge phase={status.phase} /></td>
                  <td className="px-4 py-2 text-slate-600">{templateOf(wf)}</td>
                  <td className="px-4 py-2 text-slate-600">{wf.metadata.creationTimestamp?.replace('T', ' ').replace('Z', '')}</td>
                  <td className="px-4 py-2 text-slate-600">{status.message}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </QueryState>
    </>
  );
}
