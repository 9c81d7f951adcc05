'use client';
import { useVirtualizer } from '@tanstack/react-virtual';
import Link from 'next/link';
import { useRef } from 'react';
import { formatAgo } from '@/lib/job-catalog/relative-time';
import { formatDuration } from '@/lib/workflows/phase';
import type { JobSummary } from '../queries/history-types';
import { BuildChip } from './build-chip';
import { type JobRef, jobHref, jobKey, kindLabel } from './job-ref';
import { FavouriteStar, type useFavourites } from './use-favourites';
import { WeatherIcon } from './weather-icon';

const rowHeight = 52;
const columns = 'grid grid-cols-[1.25rem_1.25rem_minmax(10rem,2.2fr)_minmax(5rem,1fr)_5rem_5rem_5rem_4rem_4.25rem] items-center gap-x-2.5 px-3';

function LastBuild({ job, build, now }: { job: JobRef; build?: JobSummary['lastBuild']; now: Date }) {
  if (!build) return <span className="text-slate-400">-</span>;
  return (
    <div className="leading-tight">
      <BuildChip job={job} build={build} />
      <div className="text-xs text-slate-500">{formatAgo(build.startedAt, now)}</div>
    </div>
  );
}

/**
 * Jobs as a dense, virtualised table: only the rows in view are in the DOM, so a thousand jobs scroll as smoothly
 * as ten. Rows are a CSS grid with table roles, which a virtualiser can position. Row links are not prefetched:
 * with five links a row, prefetching every page in view sent a hundred requests that held up the list's own.
 */
export function JobTable({ jobs, favourites, now }: { jobs: JobSummary[]; favourites: ReturnType<typeof useFavourites>; now: Date }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: jobs.length, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 });
  return (
    <div role="table" aria-label="Jobs" aria-rowcount={jobs.length + 1} className="flex min-h-0 flex-1 flex-col overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <div role="row" className={`${columns} shrink-0 border-b border-slate-200 bg-slate-50 py-2 text-xs font-medium uppercase tracking-wide text-slate-500`}>
        <span role="columnheader"><span className="sr-only">Favourite</span></span>
        <span role="columnheader" title="Health of the last 5 builds">W</span>
        <span role="columnheader">Job</span>
        <span role="columnheader">Folder</span>
        <span role="columnheader">Last build</span>
        <span role="columnheader">Success</span>
        <span role="columnheader">Failure</span>
        <span role="columnheader">Duration</span>
        <span role="columnheader"><span className="sr-only">Actions</span></span>
      </div>
      <div ref={scrollRef} className="min-h-0 flex-1 overflow-auto" data-testid="job-rows">
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const job = jobs[item.index]!;
            return (
              <div
                key={jobKey(job)}
                role="row"
                aria-rowindex={item.index + 2}
                className={`${columns} absolute inset-x-0 border-b border-slate-100 text-sm hover:bg-slate-50`}
                style={{ height: rowHeight, transform: `translateY(${item.start}px)` }}
              >
                <span role="cell"><FavouriteStar job={job} favourites={favourites} /></span>
                <span role="cell"><WeatherIcon health={job.health} /></span>
                <span role="cell" className="min-w-0 leading-tight">
                  <Link href={jobHref(job)} prefetch={false} className="block truncate font-medium text-blue-700 hover:underline">{job.title || job.name}</Link>
                  <span className="block truncate text-xs text-slate-500">
                    {job.title && job.title !== job.name ? `${job.name} · ` : ''}{kindLabel[job.kind]}{job.namespace ? ` · ${job.namespace}` : ''}
                    {job.schedule ? ` · ${job.suspended ? 'suspended' : job.schedule}` : ''}
                  </span>
                </span>
                <span role="cell" className="truncate text-slate-600" title={job.folder}>{job.folder || <span className="text-slate-400">-</span>}</span>
                <span role="cell"><LastBuild job={job} build={job.lastBuild} now={now} /></span>
                <span role="cell"><LastBuild job={job} build={job.lastSuccess} now={now} /></span>
                <span role="cell"><LastBuild job={job} build={job.lastFailure} now={now} /></span>
                <span role="cell" className="tabular-nums text-slate-600">{job.lastDurationSeconds === undefined ? '-' : formatDuration(job.lastDurationSeconds)}</span>
                <span role="cell" className="text-right">
                  <Link href={jobHref(job, 'build')} prefetch={false} className="rounded-md px-2 py-1 text-xs font-medium text-blue-700 ring-1 ring-blue-200 hover:bg-blue-50 dark:ring-blue-800 dark:hover:bg-blue-950" aria-label={`Build ${job.name}`}>
                    ▶ Build
                  </Link>
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
