'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { KubeObject } from '@/lib/k8s/object';
import { parseManifest } from '@/lib/workflows/parse-manifest';
import { apiFetch } from '../api-client';
import { PageHeader } from '../page-header';
import { useSettings } from '../settings-context';
import { useManifestLint } from '../yaml/use-manifest-lint';
import { YamlEditor } from '../yaml/yaml-editor';

const starter = `apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: hello-
spec:
  entrypoint: main
  arguments:
    parameters:
      - name: message
        value: hello world
  templates:
    - name: main
      inputs:
        parameters:
          - name: message
      container:
        image: busybox
        command: [echo, "{{inputs.parameters.message}}"]
`;

/**
 * Submit a workflow written (or pasted) as YAML. The server lints it as you type (half a second after the last
 * key), so mistakes show before submitting; Submit is refused until the manifest reads.
 */
export function SubmitWorkflow() {
  const { baseHref, namespace } = useSettings();
  const router = useRouter();
  const [text, setText] = useState(starter);
  const parsed = parseManifest(text);
  const workflow = 'object' in parsed ? parsed.object : undefined;
  const targetNamespace = ((workflow?.['metadata'] as { namespace?: string } | undefined)?.namespace) || namespace;

  const lint = useManifestLint(text, `api/v1/workflows/${encodeURIComponent(targetNamespace)}/lint`, 'workflow');

  const submit = useMutation({
    mutationFn: () => apiFetch<KubeObject>(baseHref, `api/v1/workflows/${encodeURIComponent(targetNamespace)}`, {
      method: 'POST', body: JSON.stringify({ workflow }),
    }),
    onSuccess: (created) => router.push(`/workflows/${encodeURIComponent(targetNamespace)}/${encodeURIComponent(created.metadata.name ?? '')}`),
  });

  const problem = 'error' in parsed ? `${parsed.error}${parsed.line ? ` (line ${parsed.line})` : ''}` : lint.status === 'invalid' ? lint.message : undefined;
  return (
    <div className="flex h-[calc(100vh-3rem)] min-h-[32rem] flex-col">
      <PageHeader
        title="Submit a workflow"
        subtitle={`to namespace ${targetNamespace} · write or paste a Workflow manifest; it is checked as you type`}
        actions={
          <button
            type="button"
            onClick={() => submit.mutate()}
            disabled={!workflow || submit.isPending}
            className="rounded-md bg-blue-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-50"
          >
            {submit.isPending ? 'Submitting…' : 'Submit'}
          </button>
        }
      />
      <div aria-live="polite" className="mb-3 text-sm">
        {problem ? (
          <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-rose-800 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-200">{problem}</p>
        ) : lint.status === 'ok' ? (
          <p className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">Valid: the server accepts this workflow.</p>
        ) : (
          <p className="px-3 py-2 text-slate-500">Checking…</p>
        )}
        {submit.error ? <p role="alert" className="mt-2 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-rose-800 dark:border-rose-800 dark:bg-rose-950 dark:text-rose-200">Submit failed: {submit.error.message}</p> : null}
      </div>
      <div className="min-h-0 flex-1">
        <YamlEditor value={text} onChange={setText} label="Workflow manifest" />
      </div>
    </div>
  );
}
