import type { CronSchedule, SpecSchedule } from './parse-schedule';
import { addDate, zonedDate, zonedFields } from './zoned-time';

// robfig/cron v3.0.1's Schedule.Next, step for step (spec.go and constantdelay.go), so DST gaps and overlaps behave
// as in Argo: a wall time inside a spring-forward gap is skipped that day, one inside an autumn overlap fires twice
// when the schedule steps through it by minutes, and a day whose midnight does not exist is skipped by daily
// schedules (robfig's Sao Paulo quirk). A schedule without CRON_TZ runs in `localZone`, Go's time.Local.

const YEAR_LIMIT = 5;

function dayMatches(s: SpecSchedule, day: number, weekday: number): boolean {
  const domMatch = s.dayOfMonth.values.has(day);
  const dowMatch = s.dayOfWeek.values.has(weekday);
  // A `*` in either day field makes the two fields AND; otherwise a day matches either, as in Vixie cron.
  return s.dayOfMonth.star || s.dayOfWeek.star ? domMatch && dowMatch : domMatch || dowMatch;
}

function nextSpec(s: SpecSchedule, zone: string, afterSeconds: number): number | undefined {
  // The earliest possible time is the next whole second.
  let t = afterSeconds + 1;
  let f = zonedFields(zone, t);
  let added = false;
  const yearLimit = f.year + YEAR_LIMIT;
  const set = (next: number) => {
    t = next;
    f = zonedFields(zone, t);
  };

  wrap: for (;;) {
    if (f.year > yearLimit) return undefined;

    while (!s.month.values.has(f.month)) {
      if (!added) {
        added = true;
        set(zonedDate(zone, f.year, f.month, 1, 0, 0, 0));
      }
      set(addDate(zone, t, 0, 1, 0));
      if (f.month === 1) continue wrap;
    }

    while (!dayMatches(s, f.day, f.weekday)) {
      if (!added) {
        added = true;
        set(zonedDate(zone, f.year, f.month, f.day, 0, 0, 0));
      }
      set(addDate(zone, t, 0, 0, 1));
      // Midnight may not exist (DST at 00:00): robfig moves back to it, or on to the next day's.
      if (f.hour !== 0) set(t + (f.hour > 12 ? 24 - f.hour : -f.hour) * 3600);
      if (f.day === 1) continue wrap;
    }

    while (!s.hour.values.has(f.hour)) {
      if (!added) {
        added = true;
        set(zonedDate(zone, f.year, f.month, f.day, f.hour, 0, 0));
      }
      set(t + 3600);
      if (f.hour === 0) continue wrap;
    }

    while (!s.minute.values.has(f.minute)) {
      if (!added) {
        added = true;
        set(Math.floor(t / 60) * 60);
      }
      set(t + 60);
      if (f.minute === 0) continue wrap;
    }

    while (!s.second.values.has(f.second)) {
      added = true;
      set(t + 1);
      if (f.second === 0) continue wrap;
    }
    return t;
  }
}

function zoneOf(schedule: CronSchedule, localZone: string): string {
  return schedule.zone ?? localZone;
}

/**
 * The schedule's first activation strictly after `after` (robfig's Next), or undefined when there is none within
 * five years (Feb 30). `@every d` counts from `after` itself, dropping its fraction of a second.
 */
export function nextActivation(schedule: CronSchedule, after: Date, localZone: string): Date | undefined {
  const afterSeconds = Math.floor(after.getTime() / 1000);
  if (schedule.kind === 'every') return new Date((afterSeconds + schedule.delaySeconds) * 1000);
  const next = nextSpec(schedule, zoneOf(schedule, localZone), afterSeconds);
  return next === undefined ? undefined : new Date(next * 1000);
}

/**
 * The schedule's last activation strictly before `before`, consistent with nextActivation (robfig has no Prev: this
 * walks forward from ever earlier starting points). Undefined for `@every`, which has no fixed grid, and when
 * there was none in the last five years.
 */
export function previousActivation(schedule: CronSchedule, before: Date, localZone: string): Date | undefined {
  if (schedule.kind === 'every') return undefined;
  const limit = YEAR_LIMIT * 366 * 86_400_000;
  for (let window = 60_000; window <= limit * 4; window *= 4) {
    let candidate = nextActivation(schedule, new Date(before.getTime() - Math.min(window, limit)), localZone);
    if (candidate === undefined || candidate.getTime() >= before.getTime()) {
      if (window >= limit) return undefined;
      continue;
    }
    for (;;) {
      const following = nextActivation(schedule, candidate, localZone);
      if (following === undefined || following.getTime() >= before.getTime()) return candidate;
      candidate = following;
    }
  }
  return undefined;
}
