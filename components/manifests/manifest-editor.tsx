'use client';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { stringify } from 'yaml';
import type { KubeObject } from '@/lib/k8s/object';
import { type EditableKind, kindApis, starterManifest } from '@/lib/manifests/manifest-kinds';
import { parseManifest } from '@/lib/workflows/parse-manifest';
import { ConfirmDialog } from '../actions/confirm-dialog';
import { apiFetch } from '../api-client';
import { PageHeader } from '../page-header';
import { useSettings } from '../settings-context';
import { ErrorState } from '../states';
import { useManifestLint } from '../yaml/use-manifest-lint';
import { YamlEditor } from '../yaml/yaml-editor';
import { CronSchedulePreview } from './cron-schedule-preview';

const titles: Record<EditableKind, string> = {
  WorkflowTemplate: 'workflow template',
  ClusterWorkflowTemplate: 'cluster workflow template',
  CronWorkflow: 'cron workflow',
};

/** What is edited: the stored object without its status and server-managed fields. */
function editableYaml(object: KubeObject): string {
  const { status: _status, ...rest } = object as KubeObject & { status?: unknown };
  const { managedFields: _managed, ...metadata } = (rest.metadata ?? {}) as Record<string, unknown>;
  return stringify({ ...rest, metadata });
}

/** Create (no `name`) or edit a template or cron workflow as YAML, linted by the server as you type; delete. */
export function ManifestEditor({ kind, namespace: givenNamespace, name }: { kind: EditableKind; namespace?: string; name?: string }) {
  const settings = useSettings();
  const namespace = givenNamespace ?? settings.namespace;
  const api = kindApis[kind];
  const existing = useQuery({
    queryKey: ['argo', kind, namespace, name],
    queryFn: () => apiFetch<KubeObject>(settings.baseHref, api.item(namespace, name!)),
    enabled: Boolean(name),
  });
  if (name && existing.isPending) return <p className="text-sm text-slate-500">Loading {name}…</p>;
  if (name && (existing.error || !existing.data)) {
    return <ErrorState message={`Could not load ${titles[kind]} ${name}: ${existing.error?.message ?? 'empty response'}`} onRetry={() => void existing.refetch()} />;
  }
  return <Editor kind={kind} namespace={namespace} name={name} initial={existing.data ? editableYaml(existing.data) : starterManifest(kind, namespace)} />;
}

function Editor({ kind, namespace, name, initial }: { kind: EditableKind; namespace: string; name?: string; initial: string }) {
  const { baseHref } = useSettings();
  const router = useRouter();
  const api = kindApis[kind];
  const [text, setText] = useState(initial);
  const [deleting, setDeleting] = useState(false);
  const parsed = parseManifest(text);
  const object = 'object' in parsed ? parsed.object : undefined;
  const metadata = (object?.['metadata'] ?? {}) as { namespace?: string; name?: string };
  const targetNamespace = (api.namespaced && metadata.namespace) || namespace;
  const lint = useManifestLint(text, api.lint(targetNamespace), api.bodyKey);

  const save = useMutation({
    mutationFn: () => apiFetch<KubeObject>(baseHref, name ? api.item(targetNamespace, name) : api.collection(targetNamespace), {
      method: name ? 'PUT' : 'POST',
      body: JSON.stringify({ [api.bodyKey]: object }),
    }),
    onSuccess: (saved) => router.push(api.page(targetNamespace, saved.metadata.name ?? name ?? '')),
  });
  const remove = useMutation({
    mutationFn: () => apiFetch<unknown>(baseHref, api.item(namespace, name!), { method: 'DELETE' }),
    onSuccess: () => router.push(api.listPage(namespace)),
  });

  const problem = 'error' in parsed ? `${parsed.error}${parsed.line ? ` (line ${parsed.line})` : ''}` : lint.status === 'invalid' ? lint.message : undefined;
  const renamed = name && metadata.name && metadata.name !== name;
  return (
    <div className="flex h-[calc(100vh-3rem)] min-h-[32rem] flex-col">
      <PageHeader
        title={name ? `Edit ${name}` : `New ${titles[kind]}`}
        subtitle={`${api.namespaced ? `in namespace ${targetNamespace} · ` : ''}${kind} as YAML, checked against Argo's schema as you type`}
        actions={
          <div className="flex gap-2">
            {name ? (
              <button type="button" onClick={() => setDeleting(true)} className="rounded-md border border-rose-300 px-3 py-1.5 text-sm font-medium text-rose-700 hover:bg-rose-50 dark:border-rose-800 dark:text-rose-300 dark:hover:bg-rose-950">
                Delete
              </button>
            ) : null}
            <button
              type="button"
              onClick={() => save.mutate()}
              disabled={!object || Boolean(renamed) || save.isPending}
              className="rounded-md bg-blue-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50"
            >
              {save.isPending ? 'Saving…' : name ? 'Save' : 'Create'}
            </button>
          </div>
        }
      />
      <div aria-live="polite" className="mb-3 text-sm">
        {renamed ? (
          <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
            The name cannot change when editing: create a new {titles[kind]} instead, or put the name back to {name}.
          </p>
        ) : problem ? (
          <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-rose-800 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-200">{problem}</p>
        ) : lint.status === 'ok' ? (
          <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">Valid: the server accepts this {titles[kind]}.</p>
        ) : (
          <p className="px-3 py-2 text-slate-500">Checking…</p>
        )}
        {save.error ? <p role="alert" className="mt-2 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-rose-800 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-200">Saving failed: {save.error.message}</p> : null}
      </div>
      <div className="flex min-h-0 flex-1 gap-4">
        <div className="min-w-0 flex-1">
          <YamlEditor value={text} onChange={setText} label={`${kind} manifest`} />
        </div>
        {kind === 'CronWorkflow' ? <CronSchedulePreview spec={object?.['spec'] as Record<string, unknown> | undefined} /> : null}
      </div>
      <ConfirmDialog
        open={deleting}
        title={`Delete ${name}?`}
        confirmLabel="Delete"
        danger
        pending={remove.isPending}
        error={remove.error ? `Could not delete ${name}: ${remove.error.message}` : undefined}
        onConfirm={() => remove.mutate()}
        onCancel={() => { setDeleting(false); remove.reset(); }}
      >
        <p>
          The {titles[kind]} is removed{kind === 'CronWorkflow' ? ' and stops scheduling runs' : ''}. Workflows it already started are kept. This cannot be undone.
        </p>
      </ConfirmDialog>
    </div>
  );
}
