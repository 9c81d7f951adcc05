'use client';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { describeTrigger } from '@/lib/job-catalog/build-text';
import { formatDuration } from '@/lib/workflows/phase';
import { ApiRequestError, apiUrl } from '../api-client';
import { PhaseBadge } from '../phase-badge';
import { buildQuery } from '../queries/history';
import type { BuildDetail } from '../queries/history-types';
import { useSettings } from '../settings-context';
import { formatTimestamp } from '../workflow-detail/format';
import { WorkflowDetail } from '../workflow-detail/workflow-detail';
import { BuildFrame } from './build-frame';
import { type JobRef, jobHref } from './job-ref';

/** A build: the workflow's own page framed by its job, or, once only the archive has it, what the history kept. */
export function BuildPage({ job, number }: { job: JobRef; number: number }) {
  const { baseHref } = useSettings();
  const query = useQuery({
    ...buildQuery(baseHref, job, number),
    // The build's neighbours change as new builds start; the workflow itself is watched by the detail view.
    refetchInterval: 10_000,
    retry: (count, error) => !(error instanceof ApiRequestError && error.status === 404) && count < 3,
  });
  if (query.isPending) return <p className="py-8 text-sm text-slate-500">Loading build #{number}…</p>;
  if (query.error) {
    const missing = query.error instanceof ApiRequestError && query.error.status === 404;
    return (
      <div className="py-16 text-center">
        <h1 className="text-xl font-semibold">{missing ? `Build #${number} not found` : `Could not load build #${number}`}</h1>
        <p className="mt-2 text-sm text-slate-500">{missing ? 'It may not exist yet, or retention may have discarded it.' : query.error.message}</p>
        <Link href={jobHref(job)} className="mt-4 inline-block text-sm font-medium text-blue-700 hover:underline">Back to {job.name}</Link>
      </div>
    );
  }
  const build = query.data;
  const frame = <BuildFrame job={job} build={build} />;
  if (build.live) return <WorkflowDetail key={build.uid} namespace={build.namespace} name={build.workflowName} breadcrumbs={frame} />;
  return <ArchivedBuild build={build} frame={frame} baseHref={baseHref} />;
}

function ArchivedBuild({ build, frame, baseHref }: { build: BuildDetail; frame: ReactNode; baseHref: string }) {
  return (
    <>
      {frame}
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{build.workflowName}</h1>
        <PhaseBadge phase={build.phase} />
      </div>
      <p className="mt-2 text-sm text-slate-600">
        This build’s workflow is no longer in the cluster; the archive keeps it.{' '}
        {build.archived ? <a className="text-blue-700 hover:underline" href={apiUrl(baseHref, `api/v1/archived-workflows/${encodeURIComponent(build.uid)}`)}>Archived workflow (JSON)</a> : null}
      </p>
      <dl className="mt-4 grid max-w-3xl grid-cols-2 gap-x-8 gap-y-3 text-sm sm:grid-cols-4">
        <div><dt className="text-xs uppercase text-slate-500">Started</dt><dd>{formatTimestamp(build.startedAt ?? undefined)}</dd></div>
        <div><dt className="text-xs uppercase text-slate-500">Finished</dt><dd>{formatTimestamp(build.finishedAt ?? undefined)}</dd></div>
        <div><dt className="text-xs uppercase text-slate-500">Duration</dt><dd>{build.durationSeconds === null ? '-' : formatDuration(build.durationSeconds)}</dd></div>
        <div><dt className="text-xs uppercase text-slate-500">Trigger</dt><dd>{describeTrigger(build.trigger)}</dd></div>
      </dl>
      {build.message ? <p className="mt-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200">{build.message}</p> : null}
      <h2 className="mt-5 text-sm font-semibold">Parameters</h2>
      <table className="mt-1 text-sm">
        <tbody>
          {build.parameters.map((p) => (
            <tr key={p.name}><th className="pr-4 text-left font-mono font-normal text-slate-600">{p.name}</th><td className="font-mono whitespace-pre-wrap">{p.value}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
