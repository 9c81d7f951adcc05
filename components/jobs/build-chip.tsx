import Link from 'next/link';
import { phaseStyle } from '../workflow-detail/phase-style';
import type { BuildLink } from '../queries/history-types';
import { type JobRef, buildHref } from './job-ref';

/**
 * `● #42`: a build's number with its phase colour, linking to the build's page. Not prefetched: lists show
 * dozens of these, and prefetching each build page kept the server busy while the list itself loaded.
 */
export function BuildChip({ job, build }: { job: JobRef; build: BuildLink }) {
  const phase = build.phase || 'Pending';
  return (
    <Link href={buildHref(job, build.number)} prefetch={false} className="inline-flex items-center gap-1.5 font-medium tabular-nums text-slate-800 hover:text-blue-700 hover:underline" title={phase}>
      <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${phaseStyle(phase).disc.split(' ')[0]} ${phase === 'Running' ? 'animate-pulse' : ''}`} />
      #{build.number}
      <span className="sr-only"> {phase}</span>
    </Link>
  );
}
