import { type CronSpecWithLegacy, nextScheduledTime } from './cron-schedules';

/** The next `count` run times of a CronWorkflow's schedules after `after`, its schedules read in `zone`. */
export function nextRuns(spec: CronSpecWithLegacy | undefined, after: Date, count: number, zone: string): Date[] {
  const runs: Date[] = [];
  let from = after;
  while (runs.length < count) {
    const next = nextScheduledTime(spec, from, zone);
    if (!next) break;
    runs.push(next);
    from = next;
  }
  return runs;
}
