import { CronScheduleError, parseCronSchedule } from '../cron/parse-schedule';

/** Why a CronWorkflow schedule does not parse, in robfig/cron's words (as Argo reports it), or undefined. */
export function checkCronSchedule(schedule: string): string | undefined {
  try {
    parseCronSchedule(schedule);
    return undefined;
  } catch (error) {
    if (error instanceof CronScheduleError) return error.message;
    throw error;
  }
}
