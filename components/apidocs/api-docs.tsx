'use client';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo, useState } from 'react';
import type { ApiOperation } from '@/lib/apidocs/api-index';
import { apiFetch, apiUrl } from '../api-client';
import { PageHeader } from '../page-header';
import { useSettings } from '../settings-context';
import { ErrorState } from '../states';

const methodColours: Record<string, string> = {
  GET: 'bg-sky-100 text-sky-800 dark:bg-sky-900 dark:text-sky-100',
  POST: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100',
  PUT: 'bg-amber-100 text-amber-800 dark:bg-amber-900 dark:text-amber-100',
  DELETE: 'bg-rose-100 text-rose-800 dark:bg-rose-900 dark:text-rose-100',
};

function Operation({ op }: { op: ApiOperation }) {
  return (
    <details className="border-t border-slate-100 dark:border-slate-800">
      <summary className="flex cursor-pointer items-center gap-3 px-4 py-2 text-sm hover:bg-slate-50 dark:hover:bg-slate-800">
        <span className={`w-16 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold ${methodColours[op.method] ?? ''}`}>{op.method}</span>
        <code className="font-mono text-xs">{op.path}</code>
        <span className="ml-auto truncate text-xs text-slate-500 dark:text-slate-400">{op.summary}</span>
      </summary>
      <div className="px-4 pb-3 pl-24 text-xs">
        {op.parameters.length ? (
          <table className="w-full">
            <thead><tr className="text-left text-slate-500"><th className="py-1 pr-3 font-medium">Parameter</th><th className="py-1 pr-3 font-medium">In</th><th className="py-1 pr-3 font-medium">Type</th><th className="py-1 font-medium">Description</th></tr></thead>
            <tbody>
              {op.parameters.map((p) => (
                <tr key={`${p.in}-${p.name}`} className="align-top">
                  <td className="py-1 pr-3 font-mono">{p.name}{p.required ? <span className="text-rose-600" title="required"> *</span> : null}</td>
                  <td className="py-1 pr-3">{p.in}</td>
                  <td className="py-1 pr-3 font-mono">{p.type}</td>
                  <td className="py-1 text-slate-600 dark:text-slate-300">{p.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : <p className="text-slate-500">No parameters.</p>}
        {op.response ? <p className="mt-2 text-slate-600 dark:text-slate-300">Answers <code className="font-mono">{op.response}</code></p> : null}
      </div>
    </details>
  );
}

/** Argo's REST API, which Capstan serves: every operation by service, searchable; the full OpenAPI file to download. */
export function ApiDocs() {
  const { baseHref } = useSettings();
  const query = useQuery({
    queryKey: ['capstan', 'api-docs'],
    queryFn: () => apiFetch<{ title: string; version: string; operations: ApiOperation[] }>(baseHref, 'api/capstan/v1/api-docs'),
    staleTime: Infinity,
  });
  const [text, setText] = useState('');
  const search = useDeferredValue(text.toLowerCase());
  const groups = useMemo(() => {
    const byTag = new Map<string, ApiOperation[]>();
    for (const op of query.data?.operations ?? []) {
      if (search && !`${op.method} ${op.path} ${op.summary} ${op.tag}`.toLowerCase().includes(search)) continue;
      byTag.set(op.tag, [...(byTag.get(op.tag) ?? []), op]);
    }
    return [...byTag];
  }, [query.data, search]);
  return (
    <>
      <PageHeader
        title="API docs"
        subtitle={query.data ? `${query.data.title} ${query.data.version}: the same paths, bodies and errors as argo-server` : 'Argo’s REST API'}
        actions={<a href={apiUrl(baseHref, 'api/capstan/v1/api-docs?format=swagger')} download="swagger.json" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800">Download swagger.json</a>}
      />
      <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Search operations (e.g. retry, log, cron)" aria-label="Search operations" className="mb-4 w-96 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-800" />
      {query.isPending ? <p className="text-sm text-slate-500">Loading…</p> : query.error ? <ErrorState message={query.error.message} onRetry={() => void query.refetch()} /> : (
        <div className="space-y-4">
          {groups.length === 0 ? <p className="text-sm text-slate-500">No operation matches “{text}”.</p> : null}
          {groups.map(([tag, ops]) => (
            <section key={tag} aria-labelledby={`tag-${tag}`} className="overflow-hidden rounded-lg bg-white ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
              <h2 id={`tag-${tag}`} className="bg-slate-100 px-4 py-2 text-sm font-semibold dark:bg-slate-800">{tag.replace(/Service$/, '')}</h2>
              {ops.map((op) => <Operation key={op.id} op={op} />)}
            </section>
          ))}
        </div>
      )}
    </>
  );
}
