'use client';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Workflow } from '@/lib/generated/argo';
import { PhaseBadge } from '../phase-badge';
import { formatElapsed, formatTimestamp } from './format';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm tabular-nums text-slate-900">{children}</dd>
    </div>
  );
}

/**
 * Breadcrumbs, name and phase, then when it ran, for how long, how far it got, and its message. A page that frames
 * the workflow differently (a job's build, the archive) passes its own `breadcrumbs`; `actions` sit beside the name.
 */
export function WorkflowHeader({ workflow, now, actions, breadcrumbs }: { workflow: Workflow; now: Date; actions?: ReactNode; breadcrumbs?: ReactNode }) {
  const { namespace = '', name = '', labels = {} } = workflow.metadata;
  const status = workflow.status ?? {};
  const template = labels['workflows.argoproj.io/workflow-template'] ?? labels['workflows.argoproj.io/cron-workflow'];
  const failed = status.phase === 'Failed' || status.phase === 'Error';
  return (
    <header className="mb-4">
      {breadcrumbs ?? (
        <nav aria-label="Breadcrumb" className="mb-1 text-sm text-slate-500">
          <Link href="/workflows" className="hover:text-slate-900 hover:underline">Workflows</Link>
          <span className="mx-1.5" aria-hidden>/</span>
          <Link href={`/workflows/${encodeURIComponent(namespace)}`} className="hover:text-slate-900 hover:underline">{namespace}</Link>
        </nav>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="truncate text-2xl font-semibold tracking-tight">{name}</h1>
        <PhaseBadge phase={status.phase} />
        {template ? <span className="text-sm text-slate-500">from <span className="font-medium text-slate-700">{template}</span></span> : null}
        <div className="ml-auto">{actions}</div>
      </div>
      <dl className="mt-3 flex flex-wrap gap-x-10 gap-y-2">
        <Fact label="Started">{formatTimestamp(status.startedAt)}</Fact>
        <Fact label="Finished">{formatTimestamp(status.finishedAt)}</Fact>
        <Fact label="Duration">{formatElapsed(status, now) || '-'}</Fact>
        <Fact label="Progress">{status.progress ?? '-'}</Fact>
      </dl>
      {status.message ? (
        <p className={`mt-3 rounded-md px-3 py-2 text-sm ${failed ? 'bg-rose-50 text-rose-800 ring-1 ring-rose-200' : 'bg-slate-100 text-slate-700'}`}>
          {status.message}
        </p>
      ) : null}
    </header>
  );
}
