import type { CronWorkflow } from '@/lib/generated/argo';
import { isUsingNewSchedule, parseCronSchedules } from './cron-schedules';
import { nextActivation, previousActivation } from './next-time';
import type { CronSchedule } from './parse-schedule';

// Argo's shouldOutstandingWorkflowsBeRun: when the controller (re)starts or a CronWorkflow changes, a run missed
// since `status.lastScheduledTime` is made up once, if it is still within `startingDeadlineSeconds`. Only the latest
// missed time runs, and only once: the run's workflow name is derived from that time, so a repeat is refused.

// Past this many activations Argo's step-by-step walk is replaced by the equivalent jump to the latest one.
const MAX_STEPS = 1000;

/** The latest activation strictly between `after` and `before` (Argo walks Next from `after` while before `before`). */
function latestActivationBetween(schedule: CronSchedule, after: Date, before: Date, localZone: string): Date | undefined {
  if (schedule.kind === 'every') {
    const delay = schedule.delaySeconds * 1000;
    const start = Math.floor(after.getTime() / 1000) * 1000;
    const steps = Math.ceil((before.getTime() - start) / delay) - 1;
    return steps >= 1 ? new Date(start + steps * delay) : undefined;
  }
  let missed: Date | undefined;
  let next = nextActivation(schedule, after, localZone);
  for (let step = 0; next && next.getTime() < before.getTime(); step++) {
    if (step === MAX_STEPS) return previousActivation(schedule, before, localZone);
    missed = next;
    next = nextActivation(schedule, missed, localZone);
  }
  return missed;
}

/**
 * The scheduled time of a run missed while nothing was watching, to be run now: the latest activation after
 * `status.lastScheduledTime`, if `now` is before it plus `startingDeadlineSeconds`. None when the CronWorkflow never
 * ran, its schedule changed since the last run, or it has no deadline. Schedules are tried in order, as in Argo.
 */
export function findMissedRun(cron: Pick<CronWorkflow, 'metadata' | 'spec' | 'status'>, now: Date, localZone: string): Date | undefined {
  if (isUsingNewSchedule(cron)) return undefined;
  const last = cron.status?.lastScheduledTime;
  const deadline = cron.spec.startingDeadlineSeconds;
  if (!last || deadline === undefined || deadline === null) return undefined;
  const parsed = parseCronSchedules(cron.spec);
  if ('error' in parsed) return undefined;
  for (const schedule of parsed.schedules) {
    const missed = latestActivationBetween(schedule, new Date(last), now, localZone);
    if (missed && now.getTime() < missed.getTime() + deadline * 1000) return missed;
  }
  return undefined;
}
