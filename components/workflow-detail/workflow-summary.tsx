'use client';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Workflow } from '@/lib/generated/argo';
import { parameterText } from '@/lib/engine/parameter-text';
import { workflowLabels } from '@/lib/workflows/workflow-labels';
import { formatDuration } from '@/lib/workflows/phase';
import { formatElapsed, formatTimestamp } from './format';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="rounded-lg bg-white p-4 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
      <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">{title}</h2>
      {children}
    </section>
  );
}

function Pairs({ rows, empty }: { rows: [string, ReactNode][]; empty: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <dl className="text-sm">
      {rows.map(([key, value]) => (
        <div key={key} className="grid grid-cols-[minmax(8rem,1fr)_2fr] gap-3 border-t border-slate-100 py-1.5 first:border-t-0 dark:border-slate-800">
          <dt className="truncate font-mono text-xs text-slate-600 dark:text-slate-300" title={key}>{key}</dt>
          <dd className="min-w-0 whitespace-pre-wrap break-words font-mono text-xs">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const units: Record<string, string> = { cpu: 'CPU', memory: 'memory', 'nvidia.com/gpu': 'GPU' };

/** What the workflow is and what it cost: parameters, outputs, labels, creator, timing and resources. */
export function WorkflowSummary({ workflow, now }: { workflow: Workflow; now: Date }) {
  const { labels = {}, annotations = {} } = workflow.metadata;
  const status = workflow.status ?? {};
  const spec = workflow.spec ?? {};
  const creator = labels[workflowLabels.creatorPreferredUsername] ?? labels[workflowLabels.creatorEmail]?.replace('.at.', '@') ?? labels[workflowLabels.creator];
  const resubmittedFrom = labels[workflowLabels.resubmittedFrom];
  const resources = Object.entries((status as { resourcesDuration?: Record<string, number> }).resourcesDuration ?? {});
  const estimated = (status as { estimatedDuration?: number }).estimatedDuration;
  const templateRef = spec.workflowTemplateRef;
  return (
    <div tabIndex={0} aria-label="Summary" className="grid h-full auto-rows-min gap-4 overflow-auto p-4 lg:grid-cols-2">
      <Section title="Run">
        <Pairs empty="" rows={[
          ['phase', status.phase ?? 'Pending'],
          ['started', formatTimestamp(status.startedAt)],
          ['finished', formatTimestamp(status.finishedAt)],
          ['duration', formatElapsed(status, now) || '-'],
          ...(estimated ? [['estimated duration', formatDuration(estimated)] as [string, ReactNode]] : []),
          ['progress', status.progress ?? '-'],
          ['created by', creator ?? 'unknown'],
          ['entrypoint', spec.entrypoint ?? (templateRef ? '(from the template)' : '-')],
          ...(templateRef ? [['template', templateRef.clusterScope ? `cluster: ${templateRef.name}` : (templateRef.name ?? '')] as [string, ReactNode]] : []),
          ...(spec.serviceAccountName ? [['service account', spec.serviceAccountName] as [string, ReactNode]] : []),
          ...(resubmittedFrom ? [['resubmitted from', <Link key="r" className="text-blue-700 hover:underline" href={`/workflows/${encodeURIComponent(workflow.metadata.namespace ?? '')}/${encodeURIComponent(resubmittedFrom)}`}>{resubmittedFrom}</Link>] as [string, ReactNode]] : []),
        ]} />
      </Section>
      <Section title="Resources used">
        <Pairs
          empty="Not reported yet: the controller adds CPU and memory time as pods finish."
          rows={resources.map(([name, seconds]) => [units[name] ?? name, `${formatDuration(seconds)} (${seconds} ${name === 'memory' ? 'Gi·s' : 's'})`])}
        />
      </Section>
      <Section title="Parameters">
        <Pairs empty="No parameters." rows={(spec.arguments?.parameters ?? []).map((p) => [p.name, parameterText(p.value ?? p.default) ?? ''])} />
      </Section>
      <Section title="Outputs">
        <Pairs empty="No global outputs." rows={(status.outputs?.parameters ?? []).map((p) => [p.name, parameterText(p.value) ?? ''])} />
      </Section>
      <Section title="Labels">
        <Pairs empty="No labels." rows={Object.entries(labels).sort().map(([k, v]) => [k, v])} />
      </Section>
      <Section title="Annotations">
        <Pairs empty="No annotations." rows={Object.entries(annotations).sort().map(([k, v]) => [k, v])} />
      </Section>
    </div>
  );
}
