'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { actionTexts } from '../actions/action-texts';
import { ConfirmDialog } from '../actions/confirm-dialog';
import { apiFetch } from '../api-client';
import { useSettings } from '../settings-context';
import { ErrorState } from '../states';
import { DetailSkeleton } from '../workflow-detail/detail-skeleton';
import { WorkflowView } from '../workflow-detail/workflow-view';

type ArchivedAction = 'resubmit' | 'retry' | 'delete';

/** An archived workflow, shown as the live page shows one; resubmit, retry (back into the cluster) and delete. */
export function ArchivedDetail({ namespace, uid }: { namespace: string; uid: string }) {
  const { baseHref } = useSettings();
  const router = useRouter();
  const client = useQueryClient();
  const path = `api/v1/archived-workflows/${encodeURIComponent(uid)}`;
  const query = useQuery({
    queryKey: ['argo', 'archived-workflows', namespace, uid, {}],
    queryFn: () => apiFetch<Workflow>(baseHref, `${path}?namespace=${encodeURIComponent(namespace)}`),
  });
  const [pending, setPending] = useState<ArchivedAction | undefined>();
  const action = useMutation({
    mutationFn: (a: ArchivedAction) => a === 'delete'
      ? apiFetch<unknown>(baseHref, path, { method: 'DELETE' })
      : apiFetch<KubeObject>(baseHref, `${path}/${a}`, { method: 'PUT', body: JSON.stringify({ namespace, name: query.data?.metadata.name }) }),
    onSuccess: (result, a) => {
      setPending(undefined);
      void client.invalidateQueries({ queryKey: ['argo', 'archived-workflows'] });
      if (a === 'delete') router.push(`/archived-workflows/${encodeURIComponent(namespace)}`);
      else router.push(`/workflows/${encodeURIComponent(namespace)}/${encodeURIComponent((result as KubeObject).metadata.name ?? '')}`);
    },
  });
  if (query.isPending) return <DetailSkeleton />;
  if (query.error || !query.data) return <ErrorState message={`Could not load archived workflow ${uid}: ${query.error?.message ?? 'empty response'}`} onRetry={() => void query.refetch()} />;
  const workflow = query.data;
  const text = pending ? actionTexts[pending] : undefined;
  const actions = (
    <div role="toolbar" aria-label="Archived workflow actions" className="flex gap-1.5">
      {(['resubmit', 'retry', 'delete'] as const).map((a) => (
        <button key={a} type="button" onClick={() => setPending(a)} className={`rounded-md border px-2.5 py-1 text-xs font-medium ${a === 'delete' ? 'border-rose-300 text-rose-700 dark:text-rose-300' : 'border-slate-300 text-slate-700 dark:border-slate-600 dark:text-slate-200'}`}>
          {actionTexts[a].label}
        </button>
      ))}
      <ConfirmDialog
        open={Boolean(pending)}
        title={text ? `${text.label} ${workflow.metadata.name} from the archive?` : ''}
        confirmLabel={text?.label ?? ''}
        danger={text?.danger}
        pending={action.isPending}
        error={action.error ? `Could not ${text?.verb}: ${action.error.message}` : undefined}
        onConfirm={() => pending && action.mutate(pending)}
        onCancel={() => { setPending(undefined); action.reset(); }}
      >
        <p>{pending === 'delete' ? 'The workflow is removed from the archive. This cannot be undone.' : text?.explain}</p>
      </ConfirmDialog>
    </div>
  );
  const breadcrumbs = (
    <nav aria-label="Breadcrumb" className="mb-1 text-sm text-slate-500">
      <Link href="/archived-workflows" className="hover:text-slate-900 hover:underline">Archived workflows</Link>
      <span className="mx-1.5" aria-hidden>/</span>
      <Link href={`/archived-workflows/${encodeURIComponent(namespace)}`} className="hover:text-slate-900 hover:underline">{namespace}</Link>
    </nav>
  );
  return <WorkflowView workflow={workflow} actions={actions} breadcrumbs={breadcrumbs} archived />;
}
