'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { ApiRequestError } from '../api-client';
import { jobDetailQuery } from '../queries/history';
import { useSettings } from '../settings-context';
import { useNow } from '../workflow-detail/use-now';
import { BuildHistory } from './build-history';
import { JobBreadcrumbs } from './job-breadcrumbs';
import { JobHeader } from './job-header';
import type { JobRef } from './job-ref';
import { StageView } from './stage-view';
import { TrendsPanel } from './trends-panel';

/** A job's page: header, stage view, build history and trends. */
export function JobPage({ job }: { job: JobRef }) {
  const { baseHref } = useSettings();
  const detail = useQuery({ ...jobDetailQuery(baseHref, job), refetchInterval: 10_000 });
  const now = useNow(true, 15_000);
  if (detail.isPending) return <p className="py-8 text-sm text-slate-500">Loading job…</p>;
  if (detail.error) {
    const missing = detail.error instanceof ApiRequestError && detail.error.status === 404;
    return (
      <div className="py-16 text-center">
        <h1 className="text-xl font-semibold">{missing ? 'Job not found' : 'Could not load the job'}</h1>
        <p className="mt-2 text-sm text-slate-500">{missing ? `There is no ${job.name}${job.namespace ? ` in namespace ${job.namespace}` : ''}.` : detail.error.message}</p>
        <Link href="/jobs" className="mt-4 inline-block text-sm font-medium text-blue-700 hover:underline">Back to the jobs</Link>
      </div>
    );
  }
  return (
    <>
      <JobBreadcrumbs job={job} />
      <JobHeader job={job} detail={detail.data} now={now} />
      <div className="space-y-5">
        <StageView job={job} now={now} />
        <TrendsPanel job={job} />
        <BuildHistory job={job} defaults={detail.data.parameters} now={now} />
      </div>
    </>
  );
}
