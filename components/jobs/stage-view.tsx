'use client';
import { useQuery } from '@tanstack/react-query';
import { isCompleted } from '@/lib/engine/phases';
import { formatAgo } from '@/lib/job-catalog/relative-time';
import { formatDuration } from '@/lib/workflows/phase';
import { stagesQuery } from '../queries/history';
import type { StageCell, StageMatrix } from '../queries/history-types';
import { QueryState } from '../query-state';
import { useSettings } from '../settings-context';
import { phaseStyle } from '../workflow-detail/phase-style';
import { BuildChip } from './build-chip';
import type { JobRef } from './job-ref';

// Only while the watch stream is down (the job page's `live`): then poll fast while a build runs.
const livePollMs = 2_000;
const idlePollMs = 15_000;

const isLive = (matrix: StageMatrix | undefined) => Boolean(matrix?.builds.some((b) => !isCompleted(b.phase)));
const seconds = (value: number | null | undefined) => (value === null || value === undefined ? '' : formatDuration(value));

function Cell({ cell }: { cell: StageCell | null }) {
  if (!cell) return <td className="border border-white bg-slate-50 dark:border-slate-900" aria-label="did not run" />;
  const running = cell.phase === 'Running';
  return (
    <td data-phase={cell.phase} title={cell.phase}
      className={`border border-white px-2 dark:border-slate-900 py-1.5 text-center text-xs tabular-nums ${phaseStyle(cell.phase).badge} ${running ? 'animate-pulse' : ''} ${cell.phase === 'Skipped' || cell.phase === 'Omitted' ? 'italic' : ''}`}>
      {cell.phase === 'Skipped' || cell.phase === 'Omitted' ? cell.phase.toLowerCase() : seconds(cell.durationSeconds) || cell.phase}
    </td>
  );
}

/**
 * Jenkins' stage view: recent builds down, the job's top-level steps or tasks across, each cell coloured by its
 * phase with its duration; averages on top. The job page's watch pushes each build's progress into it (`live`).
 */
export function StageView({ job, now, live, limit = 15 }: { job: JobRef; now: Date; live: boolean; limit?: number }) {
  const { baseHref } = useSettings();
  const query = useQuery({ ...stagesQuery(baseHref, job, limit), refetchInterval: (q) => (live ? false : isLive(q.state.data) ? livePollMs : idlePollMs) });
  const matrix = query.data;
  return (
    <section aria-labelledby="stage-view-heading" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <h2 id="stage-view-heading" className="mb-3 text-sm font-semibold text-slate-800">Stage view</h2>
      <QueryState
        isPending={query.isPending}
        error={query.error}
        empty={matrix && matrix.builds.length === 0 ? <p className="text-sm text-slate-500">No builds yet: the stages of each build appear here.</p> : undefined}
      >
        {matrix ? (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-sm" aria-label="Stage view">
              <thead>
                <tr>
                  <th className="w-40 px-2 pb-1 text-left text-xs font-medium text-slate-500">Build</th>
                  {matrix.stages.map((stage) => <th key={stage.name} scope="col" className="min-w-24 px-2 pb-1 text-center text-xs font-medium text-slate-700">{stage.name}</th>)}
                </tr>
                <tr className="text-xs text-slate-500">
                  <th scope="row" className="px-2 py-1 text-left font-normal">Average (successful)</th>
                  {matrix.stages.map((stage) => (
                    <td key={stage.name} className="px-2 py-1 text-center tabular-nums">
                      {seconds(stage.averageDurationSeconds) || '-'}
                      {stage.successRate !== null ? <span className="ml-1 text-slate-500">{Math.round(stage.successRate * 100)}%</span> : null}
                    </td>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.builds.map((build) => (
                  <tr key={build.number} data-build={build.number}>
                    <th scope="row" className="whitespace-nowrap border-t border-slate-100 px-2 py-1 text-left font-normal">
                      <BuildChip job={job} build={build} />
                      <span className="ml-2 text-xs text-slate-500">{formatAgo(build.startedAt, now)}</span>
                    </th>
                    {matrix.stages.map((stage, i) => <Cell key={stage.name} cell={build.cells[i] ?? null} />)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </QueryState>
    </section>
  );
}
