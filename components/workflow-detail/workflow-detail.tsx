'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { isCompleted } from '@/lib/engine/phases';
import type { Workflow } from '@/lib/generated/argo';
import { WorkflowActionBar } from '../actions/workflow-action-bar';
import { ApiRequestError } from '../api-client';
import { resourceQuery } from '../queries/resources';
import { ErrorState } from '../states';
import { useSettings } from '../settings-context';
import { useWorkflowWatch } from '../streams/use-workflow-watch';
import { DetailSkeleton } from './detail-skeleton';
import { WorkflowView } from './workflow-view';

const pollMs = 2_000;
const isNotFound = (error: unknown) => error instanceof ApiRequestError && error.status === 404;

/**
 * The live workflow page: the workflow from the API, kept current by the watch stream. A job's build page passes
 * `breadcrumbs` to frame it as "job › #42".
 */
export function WorkflowDetail({ namespace, name, breadcrumbs }: { namespace: string; name: string; breadcrumbs?: ReactNode }) {
  const { baseHref } = useSettings();
  const options = resourceQuery(baseHref, 'workflows', namespace, name);
  // The watch stream pushes every change into the query's cache; polling only stands in while it is down.
  const stream = useWorkflowWatch(baseHref, namespace, name, options.queryKey);
  const query = useQuery({
    ...options,
    refetchInterval: (q) =>
      stream === 'open' || q.state.error || isCompleted((q.state.data as Workflow | undefined)?.status?.phase) ? false : pollMs,
    retry: (count, error) => !isNotFound(error) && count < 3,
  });
  const workflow = query.data as Workflow | undefined;

  if (query.isPending) return <DetailSkeleton />;
  if (query.error || !workflow) {
    if (isNotFound(query.error)) {
      return (
        <div className="py-16 text-center">
          <h1 className="text-xl font-semibold">Workflow not found</h1>
          <p className="mt-2 text-sm text-slate-500">There is no workflow {name} in namespace {namespace}. It may have been deleted; finished workflows may still be in the archive.</p>
          <p className="mt-4 flex justify-center gap-6 text-sm font-medium">
            <Link href={`/workflows/${encodeURIComponent(namespace)}`} className="text-blue-700 hover:underline dark:text-blue-300">Back to the workflows in {namespace}</Link>
            <Link href={`/archived-workflows/${encodeURIComponent(namespace)}?name=${encodeURIComponent(name)}`} className="text-blue-700 hover:underline dark:text-blue-300">Look in the archive</Link>
          </p>
        </div>
      );
    }
    return <ErrorState message={`Could not load workflow ${name}: ${query.error?.message ?? 'empty response'}`} onRetry={() => void query.refetch()} />;
  }
  return <WorkflowView workflow={workflow} actions={<WorkflowActionBar workflow={workflow} />} breadcrumbs={breadcrumbs} />;
}
