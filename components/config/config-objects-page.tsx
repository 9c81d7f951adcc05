'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { ConfigKind, ConfigObjectView } from '@/lib/config-objects/config-object';
import { apiFetch } from '../api-client';
import { PageHeader } from '../page-header';
import { useSettings } from '../settings-context';
import { EmptyState, ErrorState } from '../states';
import { ListSkeleton } from '../workflow-list/list-skeleton';
import { NamespacePicker } from '../workflow-list/namespace-picker';
import { ConfigObjectForm } from './config-object-form';

const segment: Record<ConfigKind, string> = { ConfigMap: 'configmaps', Secret: 'secrets' };
type Editing = { kind: ConfigKind; name?: string } | undefined;

/**
 * Embedded mode's ConfigMaps and Secrets for a namespace (artifact repositories, parameters, credentials): listed,
 * created, edited and deleted through `/api/capstan/v1/config/...`. Secrets show their keys only.
 */
export function ConfigObjectsPage({ namespace }: { namespace?: string }) {
  const settings = useSettings();
  const ns = namespace ?? settings.namespace;
  const router = useRouter();
  const client = useQueryClient();
  const [editing, setEditing] = useState<Editing>();
  const lists = {
    ConfigMap: useList(settings.baseHref, 'ConfigMap', ns),
    Secret: useList(settings.baseHref, 'Secret', ns),
  };
  const path = (kind: ConfigKind, name: string) => `api/capstan/v1/config/${segment[kind]}/${encodeURIComponent(ns)}/${encodeURIComponent(name)}`;
  const done = (kind: ConfigKind) => {
    setEditing(undefined);
    void client.invalidateQueries({ queryKey: ['capstan', segment[kind], ns] });
  };
  const save = useMutation({
    mutationFn: ({ kind, name, data }: { kind: ConfigKind; name: string; data: Record<string, string | null> }) =>
      apiFetch<ConfigObjectView>(settings.baseHref, path(kind, name), { method: 'PUT', body: JSON.stringify({ data }) }),
    onSuccess: (_saved, { kind }) => done(kind),
  });
  const remove = useMutation({
    mutationFn: ({ kind, name }: { kind: ConfigKind; name: string }) => apiFetch<unknown>(settings.baseHref, path(kind, name), { method: 'DELETE' }),
    onSuccess: (_r, { kind }) => done(kind),
  });
  const current = editing?.name ? lists[editing.kind].data?.find((o) => o.name === editing.name) : undefined;
  return (
    <>
      <PageHeader
        title="ConfigMaps and Secrets"
        subtitle={<NamespacePicker namespace={ns} onChange={(n) => router.push(`/config/${encodeURIComponent(n)}`)} />}
      />
      {editing ? (
        <div className="mb-4">
          <ConfigObjectForm
            key={`${editing.kind}/${editing.name ?? ''}`}
            kind={editing.kind}
            object={current}
            saving={save.isPending || remove.isPending}
            error={save.error?.message ?? remove.error?.message}
            onSave={(name, data) => save.mutate({ kind: editing.kind, name, data })}
            onDelete={current ? () => remove.mutate({ kind: editing.kind, name: current.name }) : undefined}
            onCancel={() => {
              save.reset();
              setEditing(undefined);
            }}
          />
        </div>
      ) : null}
      {(['ConfigMap', 'Secret'] as const).map((kind) => {
        const list = lists[kind];
        return (
          <section key={kind} className="mb-6" aria-label={`${kind}s`}>
            <div className="mb-2 flex items-center justify-between">
              <h2 className="text-base font-semibold">{kind}s</h2>
              <button type="button" onClick={() => setEditing({ kind })} className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800">New {kind}</button>
            </div>
            {list.isPending ? <ListSkeleton /> : list.error ? (
              <ErrorState message={`Could not list ${kind}s: ${list.error.message}`} onRetry={() => void list.refetch()} />
            ) : list.data.length === 0 ? (
              <EmptyState title={`No ${kind}s in ${ns}.`}>
                {kind === 'Secret' ? 'Credentials for artifact repositories and http templates go here; their values are never shown again once saved.' : 'Artifact repositories, parameters (valueFrom.configMapKeyRef) and semaphore limits go here.'}
              </EmptyState>
            ) : (
              <table className="w-full overflow-hidden rounded-lg bg-white text-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
                <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-800 dark:text-slate-400">
                  <tr><th className="px-4 py-2">Name</th><th className="px-4 py-2">Keys</th><th className="px-4 py-2">File</th></tr>
                </thead>
                <tbody>
                  {list.data.map((object) => (
                    <tr key={`${object.file}/${object.name}`} className="border-t border-slate-100 dark:border-slate-800">
                      <td className="px-4 py-2 font-medium">
                        <button type="button" className="text-blue-700 hover:underline dark:text-blue-300" onClick={() => setEditing({ kind, name: object.name })}>{object.name}</button>
                        {object.namespace ? null : <span className="ml-2 text-xs text-slate-500">every namespace</span>}
                      </td>
                      <td className="px-4 py-2 font-mono text-xs">{Object.keys(object.data).join(', ') || '-'}</td>
                      <td className="px-4 py-2 font-mono text-xs text-slate-500">{object.file}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        );
      })}
    </>
  );
}

function useList(baseHref: string, kind: ConfigKind, namespace: string) {
  return useQuery({
    queryKey: ['capstan', segment[kind], namespace],
    queryFn: async () => (await apiFetch<{ items: ConfigObjectView[] }>(baseHref, `api/capstan/v1/config/${segment[kind]}/${encodeURIComponent(namespace)}`)).items,
  });
}
