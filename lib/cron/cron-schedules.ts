import type { CronWorkflow, CronWorkflowSpec } from '@/lib/generated/argo';
import { nextActivation, previousActivation } from './next-time';
import { type CronSchedule, CronScheduleError, parseCronSchedule } from './parse-schedule';

// A CronWorkflow's schedules as Argo's CronWorkflowSpec methods give them: `spec.schedules`, each prefixed with
// `CRON_TZ=<spec.timezone>`. Argo v4 dropped the singular `spec.schedule`; Capstan still reads it when
// `schedules` is empty, as Argo v3.6 did, so older manifests keep running.

/** The annotation holding the schedules a run last used; a different value means the schedule was just changed. */
export const LAST_USED_SCHEDULE_ANNOTATION = 'cronworkflows.argoproj.io/last-used-schedule';

/** The spec with the field Argo v4 removed. */
export type CronSpecWithLegacy = CronWorkflowSpec & { schedule?: string };

/** The schedules as written (Argo's GetSchedules). */
export function cronScheduleStrings(spec: CronSpecWithLegacy | undefined): string[] {
  if (spec?.schedules?.length) return spec.schedules;
  return spec?.schedule ? [spec.schedule] : [];
}

/** The schedules with the timezone as a CRON_TZ prefix (Argo's GetSchedulesWithTimezone). */
export function schedulesWithTimezone(spec: CronSpecWithLegacy | undefined): string[] {
  return cronScheduleStrings(spec).map((schedule) => (spec?.timezone ? `CRON_TZ=${spec.timezone} ${schedule}` : schedule));
}

/** The value of the last-used-schedule annotation (Argo's GetScheduleWithTimezoneString). */
export function scheduleAnnotationValue(spec: CronSpecWithLegacy | undefined): string {
  return schedulesWithTimezone(spec).join(',');
}

/** Whether the schedule changed since the last run, or there was none (Argo's IsUsingNewSchedule). */
export function isUsingNewSchedule(cron: Pick<CronWorkflow, 'metadata' | 'spec'>): boolean {
  const last = cron.metadata.annotations?.[LAST_USED_SCHEDULE_ANNOTATION];
  return last === undefined || last !== scheduleAnnotationValue(cron.spec);
}

/** The parsed schedules, or the first one robfig/cron would reject. */
export function parseCronSchedules(spec: CronSpecWithLegacy | undefined): { schedules: CronSchedule[] } | { error: string } {
  const schedules: CronSchedule[] = [];
  for (const text of schedulesWithTimezone(spec)) {
    try {
      schedules.push(parseCronSchedule(text));
    } catch (error) {
      if (error instanceof CronScheduleError) return { error: `cron schedule "${text}" is malformed: ${error.message}` };
      throw error;
    }
  }
  return { schedules };
}

/** The earliest activation of any schedule strictly after `after`, or undefined when none comes (or one is malformed). */
export function nextScheduledTime(spec: CronSpecWithLegacy | undefined, after: Date, localZone: string): Date | undefined {
  const parsed = parseCronSchedules(spec);
  if ('error' in parsed) return undefined;
  let earliest: Date | undefined;
  for (const schedule of parsed.schedules) {
    const next = nextActivation(schedule, after, localZone);
    if (next && (!earliest || next.getTime() < earliest.getTime())) earliest = next;
  }
  return earliest;
}

/** The latest activation of any schedule strictly before `before` (none for `@every`, which has no fixed grid). */
export function previousScheduledTime(spec: CronSpecWithLegacy | undefined, before: Date, localZone: string): Date | undefined {
  const parsed = parseCronSchedules(spec);
  if ('error' in parsed) return undefined;
  let latest: Date | undefined;
  for (const schedule of parsed.schedules) {
    const previous = previousActivation(schedule, before, localZone);
    if (previous && (!latest || previous.getTime() > latest.getTime())) latest = previous;
  }
  return latest;
}
