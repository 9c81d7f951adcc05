'use client';
import { useMemo } from 'react';
import { cronScheduleStrings, type CronSpecWithLegacy } from '@/lib/cron/cron-schedules';
import { describeSchedule } from '@/lib/cron/describe-schedule';
import { nextRuns } from '@/lib/cron/next-runs';

/** Beside the cron editor: each schedule in words, and the next five runs in the browser's time zone. */
export function CronSchedulePreview({ spec }: { spec: Record<string, unknown> | undefined }) {
  const cron = spec as CronSpecWithLegacy | undefined;
  const zone = cron?.timezone || 'UTC';
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const schedules = cronScheduleStrings(cron);
  const runs = useMemo(() => {
    try {
      return nextRuns(cron, new Date(), 5, zone);
    } catch {
      return [];
    }
  }, [cron, zone]);
  return (
    <aside aria-label="Schedule" className="w-80 shrink-0 overflow-y-auto rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-700">
      <h2 className="font-semibold">Schedule</h2>
      {schedules.length === 0 ? <p className="mt-2 text-slate-500">Add <code>spec.schedules</code>, e.g. <code>"0 9 * * 1-5"</code>.</p> : null}
      <ul className="mt-2 space-y-1.5">
        {schedules.map((schedule) => {
          const described = describeSchedule(schedule);
          return (
            <li key={schedule}>
              <code className="text-xs">{schedule}</code>
              <div className={'error' in described ? 'text-rose-700 dark:text-rose-300' : 'text-slate-700 dark:text-slate-200'}>
                {'error' in described ? described.error : `${described.words[0]!.toUpperCase()}${described.words.slice(1)}`}
              </div>
            </li>
          );
        })}
      </ul>
      <p className="mt-2 text-xs text-slate-500">Read in {zone}{cron?.timezone ? '' : ' (no timezone set)'}.</p>
      <h3 className="mt-4 font-semibold">Next 5 runs <span className="font-normal text-slate-500">({browserZone})</span></h3>
      {runs.length ? (
        <ol className="mt-1 space-y-0.5 tabular-nums">
          {runs.map((run) => <li key={run.getTime()}>{run.toLocaleString(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })}</li>)}
        </ol>
      ) : <p className="mt-1 text-slate-500">None: the schedule does not read yet.</p>}
    </aside>
  );
}
