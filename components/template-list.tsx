'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { describeJob } from '@/lib/history/describe-job';
import type { KubeObject } from '@/lib/k8s/object';
import { apiFetch } from './api-client';
import { jobHref } from './jobs/job-ref';
import { PageHeader } from './page-header';
import { resourceListQuery } from './queries/resources';
import { QueryState } from './query-state';
import { useSettings } from './settings-context';

export function TemplateList() {
  const { baseHref, namespace } = useSettings();
  const router = useRouter();
  const queryClient = useQueryClient();
  const query = useQuery(resourceListQuery(baseHref, 'workflowtemplates', namespace));
  const submit = useMutation({
    mutationFn: (name: string) =>
      apiFetch<KubeObject>(baseHref, `api/v1/workflows/${namespace}/submit`, {
        method: 'POST',
        body: JSON.stringify({ resourceKind: 'WorkflowTemplate', resourceName: name }),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['argo', 'workflows', namespace] });
      router.push('/workflows');
    },
  });
  const items = query.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Workflow templates"
        subtitle={`namespace ${namespace}`}
        actions={
          <div className="flex gap-2">
            <Link href="/cluster-workflow-templates/new" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800">New cluster template</Link>
            <Link href="/workflow-templates/new" className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700">New template</Link>
          </div>
        }
      />
      {submit.error ? (
        <p role="alert" className="mb-4 rounded-md border border-rose-200 bg-rose-50 px-4 py-3 text-sm text-rose-800">
          Submit failed: {submit.error.message}
        </p>
      ) : null}
      <QueryState
        isPending={query.isPending}
        error={query.error}
        empty={items.length === 0 ? <p className="py-8 text-sm text-slate-500">No workflow templates in this namespace.</p> : undefined}
      >
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {items.map((template) => {
            const name = template.metadata.name ?? '';
            const { title = name, description } = describeJob('workflowtemplates', template, new Date());
            const job = { kind: 'workflowtemplates', namespace, name } as const;
            return (
              <li key={template.metadata.uid} className="flex flex-col rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
                <h2 className="font-semibold">
                  <Link href={jobHref(job)} className="hover:text-blue-700 hover:underline">{title}</Link>
                </h2>
                <p className="text-xs text-slate-500">{name}</p>
                <p className="mt-2 flex-1 text-sm text-slate-600">{description}</p>
                <div className="mt-4 flex items-center gap-3">
                  <button
                    type="button"
                    onClick={() => submit.mutate(name)}
                    disabled={submit.isPending}
                    className="rounded-md bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50"
                  >
                    Submit
                  </button>
                  <Link href={jobHref(job, 'build')} className="text-sm font-medium text-blue-700 hover:underline">Build with parameters</Link>
                  <Link href={`/workflow-templates/${encodeURIComponent(namespace)}/${encodeURIComponent(name)}/edit`} aria-label={`Edit ${name}`} className="ml-auto text-sm font-medium text-slate-600 hover:underline">Edit</Link>
                </div>
              </li>
            );
          })}
        </ul>
      </QueryState>
    </>
  );
}
