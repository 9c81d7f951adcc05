'use client';
import Link from 'next/link';
import { diffParameters } from '@/lib/build-form';
import type { BuildDetail } from '../queries/history-types';
import { JobBreadcrumbs } from './job-breadcrumbs';
import { type JobRef, buildHref, jobHref } from './job-ref';

const navClass = 'rounded-md px-2.5 py-1 text-sm ring-1 ring-slate-300 dark:ring-slate-600';

/** "Jobs / folder / job / #42" with previous and next build, rebuild, and what changed since the previous build. */
export function BuildFrame({ job, build }: { job: JobRef; build: BuildDetail }) {
  const changes = build.previousNumber !== undefined ? diffParameters(build.previousParameters, build.parameters) : [];
  return (
    <div className="mb-1">
      <div className="flex flex-wrap items-center gap-2">
        <JobBreadcrumbs job={job} current={<span className="font-semibold text-slate-900">#{build.number}</span>} />
        <div className="mb-2 ml-auto flex items-center gap-2">
          {build.previousNumber !== undefined ? (
            <Link href={buildHref(job, build.previousNumber)} className={`${navClass} text-slate-700 hover:bg-slate-100`} aria-label="Previous build">← #{build.previousNumber}</Link>
          ) : <span className={`${navClass} text-slate-300`} aria-disabled>← older</span>}
          {build.nextNumber !== undefined ? (
            <Link href={buildHref(job, build.nextNumber)} className={`${navClass} text-slate-700 hover:bg-slate-100`} aria-label="Next build">#{build.nextNumber} →</Link>
          ) : <span className={`${navClass} text-slate-300`} aria-disabled>newer →</span>}
          <Link href={`${jobHref(job, 'build')}?rebuild=${build.number}`} className="rounded-md bg-blue-600 px-3 py-1 text-sm font-medium text-white hover:bg-blue-700">Rebuild</Link>
        </div>
      </div>
      {build.previousNumber !== undefined ? (
        <div className="mb-2 text-sm" aria-label={`Parameters changed since #${build.previousNumber}`}>
          {changes.length === 0 ? (
            <span className="text-slate-500">Same parameters as #{build.previousNumber}.</span>
          ) : (
            <span className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              <span className="text-slate-500">Since #{build.previousNumber}:</span>
              {changes.map((c) => (
                <span key={c.name} className="font-mono text-xs" data-parameter={c.name}>
                  {c.name}{' '}
                  {c.before !== undefined ? <del className="rounded bg-rose-50 px-1 text-rose-800">{c.before || '""'}</del> : null}
                  {c.before !== undefined && c.after !== undefined ? ' → ' : ''}
                  {c.after !== undefined ? <ins className="rounded bg-emerald-50 px-1 text-emerald-800 no-underline dark:bg-emerald-950 dark:text-emerald-200">{c.after || '""'}</ins> : null}
                </span>
              ))}
            </span>
          )}
        </div>
      ) : null}
    </div>
  );
}
