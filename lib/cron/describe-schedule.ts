import { type CronField, type CronSchedule, CronScheduleError, parseCronSchedule } from './parse-schedule';

const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const monthNames = ['', 'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const sorted = (field: CronField) => [...field.values].sort((a, b) => a - b);
const pad = (n: number) => String(n).padStart(2, '0');
const list = (words: string[]) => (words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`);

/** The step when the values are 0, s, 2s, … up to the field's end (`*\/s`), else undefined. */
function stepOf(values: number[], first: number, size: number): number | undefined {
  if (values.length < 2 || values[0] !== first) return undefined;
  const step = values[1]! - values[0]!;
  if (values.some((v, i) => v !== first + i * step)) return undefined;
  return values.at(-1)! + step >= first + size ? step : undefined;
}

function seconds(total: number): string {
  const parts: string[] = [];
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h) parts.push(`${h} hour${h === 1 ? '' : 's'}`);
  if (m) parts.push(`${m} minute${m === 1 ? '' : 's'}`);
  if (s) parts.push(`${s} second${s === 1 ? '' : 's'}`);
  return list(parts);
}

function timeOfDay(minute: CronField, hour: CronField): string {
  const minutes = sorted(minute);
  const hours = sorted(hour);
  if (minute.star) return hour.star ? 'every minute' : `every minute of hour ${list(hours.map(String))}`;
  const minuteStep = stepOf(minutes, 0, 60);
  if (minuteStep) return `every ${minuteStep} minutes${hour.star ? '' : ` during hour ${list(hours.map(String))}`}`;
  if (hour.star) return `at minute ${list(minutes.map(String))} of every hour`;
  const hourStep = stepOf(hours, 0, 24);
  if (hourStep && minutes.length === 1) return `every ${hourStep} hours at minute ${minutes[0]}`;
  const times = hours.flatMap((h) => minutes.map((m) => `${pad(h)}:${pad(m)}`));
  return times.length <= 6 ? `at ${list(times)}` : `at minute ${list(minutes.map(String))} of hours ${list(hours.map(String))}`;
}

function days(schedule: Extract<CronSchedule, { kind: 'spec' }>): string {
  const parts: string[] = [];
  const weekdays = sorted(schedule.dayOfWeek);
  const monthDays = sorted(schedule.dayOfMonth);
  const dow = schedule.dayOfWeek.star ? '' : weekdays.join(',') === '1,2,3,4,5' ? 'on weekdays' : weekdays.join(',') === '0,6' ? 'on weekends' : `on ${list(weekdays.map((d) => dayNames[d]!))}`;
  const dom = schedule.dayOfMonth.star ? '' : `on day ${list(monthDays.map(String))} of the month`;
  // Both restricted: cron runs when either matches.
  if (dow && dom) parts.push(`${dom} or ${dow}`);
  else if (dow || dom) parts.push(dow || dom);
  else parts.push('every day');
  if (!schedule.month.star) parts.push(`in ${list(sorted(schedule.month).map((m) => monthNames[m]!))}`);
  return parts.join(' ');
}

/**
 * A cron schedule in plain English, for the cron pages: `0 9 * * 1-5` is "at 09:00 on weekdays". What robfig/cron
 * rejects gives its error message, so the editor can show it.
 */
export function describeSchedule(text: string): { words: string } | { error: string } {
  let schedule: CronSchedule;
  try {
    schedule = parseCronSchedule(text);
  } catch (error) {
    if (error instanceof CronScheduleError) return { error: error.message };
    throw error;
  }
  const zone = schedule.zone ? ` (${schedule.zone})` : '';
  if (schedule.kind === 'every') return { words: `every ${seconds(schedule.delaySeconds)}${zone}` };
  const time = timeOfDay(schedule.minute, schedule.hour);
  const day = days(schedule);
  // "every minute every day" reads badly: a day restriction only follows when there is one.
  const daily = /^at \d\d:\d\d/.test(time);
  return { words: `${time}${day === 'every day' && !daily ? '' : ` ${day}`}${zone}` };
}
