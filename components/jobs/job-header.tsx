'use client';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatAgo } from '@/lib/job-catalog/relative-time';
import { formatDuration } from '@/lib/workflows/phase';
import { phaseStyle } from '../workflow-detail/phase-style';
import { formatTimestamp } from '../workflow-detail/format';
import type { BuildLink, JobDetail } from '../queries/history-types';
import { BuildChip } from './build-chip';
import { JobDescription } from './job-description';
import { type JobRef, jobHref, kindLabel } from './job-ref';
import { FavouriteStar, useFavourites } from './use-favourites';
import { WeatherIcon } from './weather-icon';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm tabular-nums text-slate-900">{children}</dd>
    </div>
  );
}

function BuildFact({ job, build, now }: { job: JobRef; build?: BuildLink; now: Date }) {
  if (!build) return <span className="text-slate-500">none yet</span>;
  return <><BuildChip job={job} build={build} /> <span className="text-slate-500">{formatAgo(build.finishedAt ?? build.startedAt, now)}</span></>;
}

/** The job's header: title, weather, last builds, schedule, description, and "Build with parameters". */
export function JobHeader({ job, detail, now }: { job: JobRef; detail: JobDetail; now: Date }) {
  const favourites = useFavourites();
  const { health } = detail;
  return (
    <header className="mb-5">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <div className="flex items-center gap-3">
            <WeatherIcon health={health} size={30} />
            <h1 className="truncate text-2xl font-semibold tracking-tight">{detail.title || detail.name}</h1>
            <FavouriteStar job={job} favourites={favourites} />
          </div>
          <p className="mt-0.5 text-sm text-slate-500">
            {kindLabel[job.kind]} <span className="font-mono text-slate-700">{detail.name}</span>
            {detail.namespace ? <> in <span className="font-medium text-slate-700">{detail.namespace}</span></> : null}
            {' · '}{detail.buildCount} build{detail.buildCount === 1 ? '' : 's'} kept · next is #{detail.nextNumber}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <Link href={jobHref(job, 'build')} className="rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-700">
            ▶ Build with parameters
          </Link>
        </div>
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-x-8 gap-y-3 sm:grid-cols-3 lg:grid-cols-6">
        <Fact label="Health">
          <span className="inline-flex items-center gap-1" aria-label={`Last ${health.recent.length} builds`}>
            {health.recent.length ? health.recent.map((phase, i) => (
              <span key={i} title={phase} className={`inline-block h-3 w-3 rounded-sm ${phaseStyle(phase).disc.split(' ')[0]}`} />
            )) : <span className="text-slate-500">no builds</span>}
            {health.weather !== 'none' ? <span className="ml-1 text-slate-600">{health.score}%</span> : null}
          </span>
        </Fact>
        <Fact label="Last build"><BuildFact job={job} build={detail.lastBuild} now={now} /></Fact>
        <Fact label="Last success"><BuildFact job={job} build={detail.lastSuccess} now={now} /></Fact>
        <Fact label="Last failure"><BuildFact job={job} build={detail.lastFailure} now={now} /></Fact>
        <Fact label="Last duration">{detail.lastDurationSeconds === undefined ? '-' : formatDuration(detail.lastDurationSeconds)}</Fact>
        {detail.schedule !== undefined ? (
          <Fact label="Schedule">
            <span className="font-mono text-xs">{detail.schedule}</span>{detail.timezone ? <span className="text-xs text-slate-500"> {detail.timezone}</span> : null}
            <div className="text-xs text-slate-500">
              {detail.suspended ? <span className="font-medium text-amber-700 dark:text-amber-300">suspended</span> : detail.nextRun ? <>next {formatTimestamp(detail.nextRun)} ({formatAgo(detail.nextRun, now)})</> : 'no next run'}
            </div>
          </Fact>
        ) : null}
      </dl>
      {detail.description ? <div className="mt-4 rounded-lg bg-white px-4 py-3 ring-1 ring-slate-200"><JobDescription text={detail.description} /></div> : null}
    </header>
  );
}
