'use client';
import { useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useRef } from 'react';
import { isCompleted } from '@/lib/engine/phases';
import { describeTrigger, summariseParameters } from '@/lib/job-catalog/build-text';
import { formatAgo } from '@/lib/job-catalog/relative-time';
import { formatDuration } from '@/lib/workflows/phase';
import { PhaseBadge } from '../phase-badge';
import { buildPagesQuery } from '../queries/history';
import type { Build, JobParameter } from '../queries/history-types';
import { QueryState } from '../query-state';
import { useSettings } from '../settings-context';
import { formatTimestamp } from '../workflow-detail/format';
import { BuildChip } from './build-chip';
import { type JobRef, jobHref } from './job-ref';

const livePollMs = 3_000;
const idlePollMs = 15_000;

function Parameters({ build, defaults }: { build: Build; defaults: JobParameter[] }) {
  const { changed, unchanged } = summariseParameters(build.parameters, defaults);
  if (!changed.length && !unchanged.length) return <span className="text-slate-500 dark:text-slate-400">-</span>;
  const full = build.parameters.map((p) => `${p.name}=${p.value}`).join('\n');
  return (
    <span className="block truncate font-mono text-xs" title={full}>
      {changed.map((p) => <span key={p} className="mr-2 text-slate-900">{p}</span>)}
      {unchanged.map((p) => <span key={p} className="mr-2 text-slate-500 dark:text-slate-400">{p}</span>)}
    </span>
  );
}

/** Every build of the job, newest first, live and archived alike; more load as the list scrolls into view. */
export function BuildHistory({ job, defaults, now, live }: { job: JobRef; defaults: JobParameter[]; now: Date; live: boolean }) {
  const { baseHref } = useSettings();
  const query = useInfiniteQuery({
    ...buildPagesQuery(baseHref, job),
    // The job page's watch pushes new builds and phase changes in (`live`); polling stands in while it is down.
    refetchInterval: (q) => (live ? false : q.state.data?.pages[0]?.items?.some((b) => !isCompleted(b.phase)) ? livePollMs : idlePollMs),
  });
  const sentinel = useRef<HTMLDivElement>(null);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !isFetchingNextPage) void fetchNextPage();
    }, { rootMargin: '400px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const builds = query.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return (
    <section aria-labelledby="history-heading" className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <h2 id="history-heading" className="px-4 pt-4 pb-2 text-sm font-semibold text-slate-800">Build history</h2>
      <QueryState isPending={query.isPending} error={query.error}
        empty={builds.length === 0 ? <p className="px-4 pb-4 text-sm text-slate-500">No builds yet. Start one with “Build with parameters”.</p> : undefined}>
        <table className="w-full table-fixed text-sm" aria-label="Builds">
          <thead className="border-y border-slate-200 bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="w-20 px-4 py-2">Build</th>
              <th className="w-28 px-2 py-2">Status</th>
              <th className="w-44 px-2 py-2">Started</th>
              <th className="w-20 px-2 py-2">Duration</th>
              <th className="w-44 px-2 py-2">Trigger</th>
              <th className="px-2 py-2">Parameters</th>
              <th className="w-20 px-2 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {builds.map((build) => (
              <tr key={build.number} className="border-b border-slate-100 hover:bg-slate-50" data-build={build.number}>
                <td className="px-4 py-2"><BuildChip job={job} build={build} /></td>
                <td className="px-2 py-2">
                  <PhaseBadge phase={build.phase} />
                  {!build.live ? <span className="ml-1 text-[10px] uppercase text-slate-400" title="Only in the archive">arch</span> : null}
                </td>
                <td className="px-2 py-2 leading-tight">
                  <span className="whitespace-nowrap tabular-nums text-slate-700">{formatTimestamp(build.startedAt ?? undefined)}</span>
                  <span className="block text-xs text-slate-500">{formatAgo(build.startedAt, now)}</span>
                </td>
                <td className="px-2 py-2 tabular-nums text-slate-700">{build.durationSeconds === null ? '-' : formatDuration(build.durationSeconds)}</td>
                <td className="truncate px-2 py-2 text-slate-600" title={describeTrigger(build.trigger)}>{describeTrigger(build.trigger)}</td>
                <td className="px-2 py-2"><Parameters build={build} defaults={defaults} /></td>
                <td className="px-2 py-2 text-right">
                  <Link href={`${jobHref(job, 'build')}?rebuild=${build.number}`} className="text-xs font-medium text-blue-700 hover:underline" aria-label={`Rebuild #${build.number}`}>Rebuild</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div ref={sentinel} className="px-4 py-3 text-center text-xs text-slate-500">
          {isFetchingNextPage ? 'Loading older builds…' : hasNextPage ? (
            <button type="button" onClick={() => void fetchNextPage()} className="text-blue-700 hover:underline">Load older builds</button>
          ) : builds.length ? `All ${builds.length} builds shown.` : null}
        </div>
      </QueryState>
    </section>
  );
}
