import { parseGoDuration } from '@/lib/expr/go-time';
import { checkTimezone } from '@/lib/validate/check-timezone';

// robfig/cron v3's ParseStandard, which Argo uses for CronWorkflow schedules: five fields (minute hour
// day-of-month month day-of-week), or a descriptor (@hourly, @every 1h30m, ...), optionally after CRON_TZ= or TZ=.

/** One field of a cron spec: the values it allows, and whether it was written with `*` or `?` (robfig's star bit). */
export interface CronField {
  readonly values: ReadonlySet<number>;
  readonly star: boolean;
}

/** A five-field schedule (or a descriptor other than @every); seconds are always 0. */
export interface SpecSchedule {
  readonly kind: 'spec';
  /** The CRON_TZ= zone, or undefined for the zone the caller calls local. */
  readonly zone: string | undefined;
  readonly second: CronField;
  readonly minute: CronField;
  readonly hour: CronField;
  readonly dayOfMonth: CronField;
  readonly month: CronField;
  readonly dayOfWeek: CronField;
}

/** `@every <duration>`: a constant delay in whole seconds, at least one. */
export interface EverySchedule {
  readonly kind: 'every';
  readonly zone: string | undefined;
  readonly delaySeconds: number;
}

export type CronSchedule = SpecSchedule | EverySchedule;

/** A schedule robfig/cron rejects; the message is robfig's. */
export class CronScheduleError extends Error {
  override readonly name = 'CronScheduleError';
}

interface Bounds {
  min: number;
  max: number;
  names?: Readonly<Record<string, number>>;
}

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const bounds = {
  second: { min: 0, max: 59 },
  minute: { min: 0, max: 59 },
  hour: { min: 0, max: 23 },
  dayOfMonth: { min: 1, max: 31 },
  month: { min: 1, max: 12, names: Object.fromEntries(monthNames.map((name, i) => [name, i + 1])) },
  dayOfWeek: { min: 0, max: 6, names: Object.fromEntries(dayNames.map((name, i) => [name, i])) },
} satisfies Record<string, Bounds>;

function range(min: number, max: number, step = 1): Set<number> {
  const values = new Set<number>();
  for (let v = min; v <= max; v += step) values.add(v);
  return values;
}

const one = (b: Bounds): CronField => ({ values: new Set([b.min]), star: false });
const all = (b: Bounds): CronField => ({ values: range(b.min, b.max), star: true });

// Go's strconv.Atoi, then robfig's non-negative check.
function parseNumber(text: string): number {
  if (!/^[+-]?\d+$/.test(text)) throw new CronScheduleError(`failed to parse int from ${text}: strconv.Atoi: parsing "${text}": invalid syntax`);
  const value = Number(text);
  if (value < 0) throw new CronScheduleError(`negative number (${value}) not allowed: ${text}`);
  return value;
}

function parseIntOrName(text: string, b: Bounds): number {
  return b.names?.[text.toLowerCase()] ?? parseNumber(text);
}

function parseRange(expr: string, b: Bounds): CronField {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = (rangeAndStep[0] ?? '').split('-');
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0] ?? '', b);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1] ?? '', b);
    else throw new CronScheduleError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    step = parseNumber(rangeAndStep[1] ?? '');
    // "N/step" means "N-max/step"; a step above one is no longer a star, a step of one still is.
    if (lowAndHigh.length === 1) end = b.max;
    if (step > 1) star = false;
  } else if (rangeAndStep.length > 2) throw new CronScheduleError(`too many slashes: ${expr}`);
  if (start < b.min) throw new CronScheduleError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new CronScheduleError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new CronScheduleError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronScheduleError(`step of range should be a positive number: ${expr}`);
  return { values: range(start, end, step), star };
}

function parseField(text: string, b: Bounds): CronField {
  const values = new Set<number>();
  let star = false;
  for (const expr of text.split(',').filter((part) => part !== '')) {
    const field = parseRange(expr, b);
    for (const v of field.values) values.add(v);
    star ||= field.star;
  }
  return { values, star };
}

function spec(zone: string | undefined, fields: Omit<SpecSchedule, 'kind' | 'zone' | 'second'>): SpecSchedule {
  return { kind: 'spec', zone, second: one(bounds.second), ...fields };
}

function parseDescriptor(descriptor: string, zone: string | undefined): CronSchedule {
  const { minute, hour, dayOfMonth, month, dayOfWeek } = bounds;
  switch (descriptor) {
    case '@yearly': case '@annually':
      return spec(zone, { minute: one(minute), hour: one(hour), dayOfMonth: one(dayOfMonth), month: one(month), dayOfWeek: all(dayOfWeek) });
    case '@monthly':
      return spec(zone, { minute: one(minute), hour: one(hour), dayOfMonth: one(dayOfMonth), month: all(month), dayOfWeek: all(dayOfWeek) });
    case '@weekly':
      return spec(zone, { minute: one(minute), hour: one(hour), dayOfMonth: all(dayOfMonth), month: all(month), dayOfWeek: one(dayOfWeek) });
    case '@daily': case '@midnight':
      return spec(zone, { minute: one(minute), hour: one(hour), dayOfMonth: all(dayOfMonth), month: all(month), dayOfWeek: all(dayOfWeek) });
    case '@hourly':
      return spec(zone, { minute: one(minute), hour: all(hour), dayOfMonth: all(dayOfMonth), month: all(month), dayOfWeek: all(dayOfWeek) });
  }
  if (descriptor.startsWith('@every ')) {
    let nanos: bigint;
    try {
      nanos = parseGoDuration(descriptor.slice('@every '.length)).nanos;
    } catch (error) {
      const reason = error instanceof Error ? (error as Error & { reason?: string }).reason ?? error.message : String(error);
      throw new CronScheduleError(`failed to parse duration ${descriptor}: ${reason}`);
    }
    // robfig's Every: under a second becomes one second, and fractions of a second are dropped.
    const seconds = nanos < 1_000_000_000n ? 1 : Number(nanos / 1_000_000_000n);
    return { kind: 'every', zone, delaySeconds: seconds };
  }
  throw new CronScheduleError(`unrecognized descriptor: ${descriptor}`);
}

/** Parses a schedule as robfig/cron's ParseStandard does; throws CronScheduleError with robfig's message. */
export function parseCronSchedule(schedule: string): CronSchedule {
  if (schedule.length === 0) throw new CronScheduleError('empty spec string');
  let text = schedule;
  let zone: string | undefined;
  if (text.startsWith('TZ=') || text.startsWith('CRON_TZ=')) {
    const space = text.indexOf(' ');
    const name = text.slice(text.indexOf('=') + 1, space < 0 ? text.length : space);
    const problem = space < 0 ? `unknown time zone ${name}` : checkTimezone(name);
    if (problem !== undefined) throw new CronScheduleError(`provided bad location ${name}: ${problem}`);
    // Go's LoadLocation("") and ("UTC") are UTC; ("Local") is the machine's zone, which the caller supplies.
    zone = name === '' ? 'UTC' : name === 'Local' ? undefined : name;
    text = text.slice(space).trim();
  }
  if (text.startsWith('@')) return parseDescriptor(text, zone);
  const parts = text.split(/\s+/).filter((part) => part !== '');
  if (parts.length !== 5) throw new CronScheduleError(`expected exactly 5 fields, found ${parts.length}: [${parts.join(' ')}]`);
  const [minute = '', hour = '', dayOfMonth = '', month = '', dayOfWeek = ''] = parts;
  return spec(zone, {
    minute: parseField(minute, bounds.minute),
    hour: parseField(hour, bounds.hour),
    dayOfMonth: parseField(dayOfMonth, bounds.dayOfMonth),
    month: parseField(month, bounds.month),
    dayOfWeek: parseField(dayOfWeek, bounds.dayOfWeek),
  });
}
