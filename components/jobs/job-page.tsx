'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { ApiRequestError } from '../api-client';
import { jobDetailQuery } from '../queries/history';
import { useJobWatch } from '../streams/use-build-watch';
import { useSettings } from '../settings-context';
import { useNow } from '../workflow-detail/use-now';
import { BuildHistory } from './build-history';
import { HistoryNotice } from './history-notice';
import { JobBreadcrumbs } from './job-breadcrumbs';
import { JobHeader } from './job-header';
import type { JobRef } from './job-ref';
import { StageView } from './stage-view';
import { TrendsPanel } from './trends-panel';

const fallbackPollMs = 10_000;

/**
 * A job's page: header, stage view, build history and trends, kept current by the watch of the job's builds
 * (components/streams/use-build-watch.ts); its parts poll only while that stream is down.
 */
export function JobPage({ job }: { job: JobRef }) {
  const { baseHref } = useSettings();
  const live = useJobWatch(baseHref, job) === 'open';
  const detail = useQuery({ ...jobDetailQuery(baseHref, job), refetchInterval: live ? false : fallbackPollMs });
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
      <HistoryNotice notice={detail.data.notice} />
      <JobHeader job={job} detail={detail.data} now={now} />
      <div className="space-y-5">
        <StageView job={job} now={now} live={live} />
        <TrendsPanel job={job} live={live} />
        <BuildHistory job={job} defaults={detail.data.parameters} now={now} live={live} />
      </div>
    </>
  );
}
