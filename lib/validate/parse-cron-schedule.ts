import { checkTimezone } from './check-timezone';

// robfig/cron's ParseStandard, which Argo uses for CronWorkflow schedules: five fields (minute hour
// day-of-month month day-of-week) or a descriptor (@hourly, @every 1h30m...), optionally after CRON_TZ= or TZ=.

interface Bounds {
  min: number;
  max: number;
  names?: Readonly<Record<string, number>>;
}

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const days = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const fields: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: Object.fromEntries(months.map((name, index) => [name, index + 1])) },
  { min: 0, max: 6, names: Object.fromEntries(days.map((name, index) => [name, index])) },
];
const descriptors = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

// Go's strconv.Atoi, then robfig's non-negative check.
function parseNumber(text: string): number | string {
  if (!/^[+-]?\d+$/.test(text)) return `failed to parse int from ${text}: strconv.Atoi: parsing "${text}": invalid syntax`;
  const value = Number(text);
  return value < 0 ? `negative number (${value}) not allowed: ${text}` : value;
}

function parseValue(text: string, bounds: Bounds): number | string {
  return bounds.names?.[text.toLowerCase()] ?? parseNumber(text);
}

function checkRange(expr: string, bounds: Bounds): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = (rangeAndStep[0] ?? '').split('-');
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = bounds.min;
    end = bounds.max;
  } else {
    const low = parseValue(lowAndHigh[0] ?? '', bounds);
    if (typeof low === 'string') return low;
    start = low;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const high = parseValue(lowAndHigh[1] ?? '', bounds);
      if (typeof high === 'string') return high;
      end = high;
    } else return `too many hyphens: ${expr}`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const parsed = parseNumber(rangeAndStep[1] ?? '');
    if (typeof parsed === 'string') return parsed;
    step = parsed;
    if (lowAndHigh.length === 1) end = bounds.max;
  } else if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  if (start < bounds.min) return `beginning of range (${start}) below minimum (${bounds.min}): ${expr}`;
  if (end > bounds.max) return `end of range (${end}) above maximum (${bounds.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  return step === 0 ? `step of range should be a positive number: ${expr}` : undefined;
}

// Go's time.ParseDuration: a sequence of decimal numbers with units, e.g. 1h30m, 1.5s, 300ms.
const goDuration = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$|^[-+]?0$/;

function checkDescriptor(spec: string): string | undefined {
  if (descriptors.includes(spec)) return undefined;
  if (spec.startsWith('@every ')) {
    const duration = spec.slice('@every '.length);
    return goDuration.test(duration) ? undefined : `failed to parse duration ${spec}: time: invalid duration "${duration}"`;
  }
  return `unrecognized descriptor: ${spec}`;
}

/** Why a CronWorkflow schedule is malformed (robfig/cron's message), or undefined when it parses. */
export function checkCronSchedule(schedule: string): string | undefined {
  if (schedule.length === 0) return 'empty spec string';
  let spec = schedule;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    const zone = spec.slice(spec.indexOf('=') + 1, space < 0 ? spec.length : space);
    const problem = space < 0 ? `unknown time zone ${zone}` : checkTimezone(zone);
    if (problem !== undefined) return `provided bad location ${zone}: ${problem}`;
    spec = spec.slice(space).trim();
  }
  if (spec.startsWith('@')) return checkDescriptor(spec);
  const parts = spec.split(/\s+/).filter((part) => part !== '');
  if (parts.length !== 5) return `expected exactly 5 fields, found ${parts.length}: [${parts.join(' ')}]`;
  for (const [index, part] of parts.entries()) {
    for (const expr of part.split(',').filter((item) => item !== '')) {
      const problem = checkRange(expr, fields[index] as Bounds);
      if (problem !== undefined) return problem;
    }
  }
  return undefined;
}
