import { fail } from './expression-error';
import { fromCivilTime, toCivilTime } from './go-time';
import type { GoTime } from './go-time';

// Go formats and parses times by example ("2006-01-02T15:04:05Z07:00"). This splits a layout into the same chunks
// as Go's nextStdChunk so `sprig.date("2006", t)` and `date(s, layout)` behave as in Argo. Only fixed offsets exist
// here: named zones other than UTC are not loaded (there is no tz database in lib/).

type Chunk = { literal: string } | { std: string };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const PREFIXED_STDS: Array<[string, string]> = [
  ['January', 'January'], ['Jan', 'Jan'], ['Monday', 'Monday'], ['Mon', 'Mon'], ['MST', 'MST'],
  ['2006', '2006'], ['002', '002'], ['01', '01'], ['02', '02'], ['03', '03'], ['04', '04'], ['05', '05'],
  ['06', '06'], ['15', '15'], ['__2', '__2'], ['_2', '_2'], ['1', '1'], ['2', '2'], ['3', '3'], ['4', '4'],
  ['5', '5'], ['PM', 'PM'], ['pm', 'pm'],
  ['-07:00:00', '-07:00:00'], ['-070000', '-070000'], ['-07:00', '-07:00'], ['-0700', '-0700'], ['-07', '-07'],
  ['Z07:00:00', 'Z07:00:00'], ['Z070000', 'Z070000'], ['Z07:00', 'Z07:00'], ['Z0700', 'Z0700'], ['Z07', 'Z07'],
];

/** Splits a Go time layout into literal text and standard chunks. */
export function splitLayout(layout: string): Chunk[] {
  const chunks: Chunk[] = [];
  let literal = '';
  let i = 0;
  while (i < layout.length) {
    // ".000" or ",999": fractional seconds, but only when the run of digits ends there ("0.0001" is literal).
    const fraction = /^[.,](0+|9+)(?!\d)/.exec(layout.slice(i));
    if (fraction) {
      pushLiteral();
      chunks.push({ std: fraction[0] });
      i += fraction[0].length;
      continue;
    }
    if (layout.startsWith('_2006', i)) {
      literal += '_';
      i += 1;
      continue;
    }
    // Longer chunks come first in the table, so "January" wins over "Jan" and "2006" over "2".
    const std = PREFIXED_STDS.find(([prefix]) => layout.startsWith(prefix, i));
    if (std) {
      pushLiteral();
      chunks.push({ std: std[1] });
      i += std[0].length;
      continue;
    }
    literal += layout[i];
    i += 1;
  }
  pushLiteral();
  return chunks;

  function pushLiteral(): void {
    if (literal !== '') chunks.push({ literal });
    literal = '';
  }
}

/** Formats a time with a Go layout string, as time.Time.Format does. */
export function formatGoTime(time: GoTime, layout: string): string {
  const civil = toCivilTime(time);
  return splitLayout(layout)
    .map((chunk) => ('literal' in chunk ? chunk.literal : formatChunk(chunk.std, civil, time)))
    .join('');
}

function formatChunk(std: string, c: ReturnType<typeof toCivilTime>, time: GoTime): string {
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  const hour12 = c.hour % 12 === 0 ? 12 : c.hour % 12;
  switch (std) {
    case 'January': return MONTHS[c.month - 1] ?? '';
    case 'Jan': return (MONTHS[c.month - 1] ?? '').slice(0, 3);
    case 'Monday': return DAYS[c.weekday] ?? '';
    case 'Mon': return (DAYS[c.weekday] ?? '').slice(0, 3);
    case 'MST': return time.zone !== '' ? time.zone : formatOffset(time.offsetSeconds, '-0700');
    case '2006': return pad(c.year, 4);
    case '06': return pad(c.year % 100);
    case '002': return pad(c.yearDay, 3);
    case '__2': return String(c.yearDay).padStart(3, ' ');
    case '01': return pad(c.month);
    case '1': return String(c.month);
    case '02': return pad(c.day);
    case '_2': return String(c.day).padStart(2, ' ');
    case '2': return String(c.day);
    case '15': return pad(c.hour);
    case '03': return pad(hour12);
    case '3': return String(hour12);
    case '04': return pad(c.minute);
    case '4': return String(c.minute);
    case '05': return pad(c.second);
    case '5': return String(c.second);
    case 'PM': return c.hour >= 12 ? 'PM' : 'AM';
    case 'pm': return c.hour >= 12 ? 'pm' : 'am';
  }
  if (/^[-Z]/.test(std)) {
    if (std.startsWith('Z') && time.offsetSeconds === 0) return 'Z';
    return formatOffset(time.offsetSeconds, std.replace('Z', '-'));
  }
  // Fractional seconds: ".000" keeps trailing zeros, ".999" trims them (and the dot when nothing is left).
  const digits = String(c.nanosecond).padStart(9, '0').slice(0, std.length - 1);
  if (std[1] === '0') return std[0] + digits;
  const trimmed = digits.replace(/0+$/, '');
  return trimmed === '' ? '' : std[0] + trimmed;
}

function formatOffset(offsetSeconds: number, style: string): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const abs = Math.abs(offsetSeconds);
  const hh = String(Math.floor(abs / 3600)).padStart(2, '0');
  const mm = String(Math.floor((abs % 3600) / 60)).padStart(2, '0');
  const ss = String(abs % 60).padStart(2, '0');
  switch (style) {
    case '-07': return `${sign}${hh}`;
    case '-0700': return `${sign}${hh}${mm}`;
    case '-07:00': return `${sign}${hh}:${mm}`;
    case '-070000': return `${sign}${hh}${mm}${ss}`;
    default: return `${sign}${hh}:${mm}:${ss}`;
  }
}

/** Parses text with a Go layout, as time.Parse does (numeric offsets and "UTC"/"Z" only). */
export function parseGoTime(text: string, layout: string): GoTime {
  const bad: () => never = () => fail(`parsing time ${JSON.stringify(text)} as ${JSON.stringify(layout)}: cannot parse`);
  const fields = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0, nanosecond: 0 };
  let pm: boolean | undefined;
  let offset: number | undefined;
  let zone: string | undefined;
  let rest = text;
  const take = (pattern: RegExp): string => {
    const match = pattern.exec(rest);
    if (!match) bad();
    rest = rest.slice(match[0].length);
    return match[0];
  };
  const number = (pattern: RegExp): number => Number(take(pattern).trim());
  const chunks = splitLayout(layout);
  for (const [index, chunk] of chunks.entries()) {
    if ('literal' in chunk) {
      if (!rest.startsWith(chunk.literal)) bad();
      rest = rest.slice(chunk.literal.length);
      continue;
    }
    const std = chunk.std;
    switch (std) {
      case 'January': case 'Jan': {
        const name = take(/^[A-Za-z]+/);
        const index = MONTHS.findIndex((m) => (std === 'Jan' ? m.slice(0, 3) : m).toLowerCase() === name.toLowerCase());
        if (index < 0) bad();
        fields.month = index + 1;
        break;
      }
      case 'Monday': case 'Mon': take(/^[A-Za-z]+/); break;
      case 'MST': {
        zone = take(/^[A-Z]{3,5}|^[+-]\d{4}/);
        if (zone === 'UTC' || zone === 'GMT') offset = 0;
        break;
      }
      case '2006': fields.year = number(/^\d{4}/); break;
      case '06': fields.year = 2000 + number(/^\d{2}/); if (fields.year >= 2069) fields.year -= 100; break;
      case '002': case '__2': take(/^[ \d]{3}/); break;
      case '01': fields.month = number(/^\d{2}/); break;
      case '1': fields.month = number(/^\d{1,2}/); break;
      case '02': fields.day = number(/^\d{2}/); break;
      case '_2': fields.day = number(/^[ \d]\d/); break;
      case '2': fields.day = number(/^\d{1,2}/); break;
      case '15': fields.hour = number(/^\d{1,2}/); break;
      case '03': fields.hour = number(/^\d{2}/); break;
      case '3': fields.hour = number(/^\d{1,2}/); break;
      case '04': fields.minute = number(/^\d{2}/); break;
      case '4': fields.minute = number(/^\d{1,2}/); break;
      case '05': case '5': {
        fields.second = number(std === '05' ? /^\d{2}/ : /^\d{1,2}/);
        // Go accepts fractional seconds after the seconds field even when the layout has none.
        const fraction = /^[.,](\d+)/.exec(rest);
        const next = chunks[index + 1];
        if (fraction && !(next && 'std' in next && /^[.,]/.test(next.std))) {
          fields.nanosecond = Number((fraction[1] ?? '').padEnd(9, '0').slice(0, 9));
          rest = rest.slice(fraction[0].length);
        }
        break;
      }
      case 'PM': case 'pm': pm = take(/^[AaPp][Mm]/).toUpperCase() === 'PM'; break;
      default: {
        if (/^[-Z]/.test(std)) {
          if (std.startsWith('Z') && rest.startsWith('Z')) {
            rest = rest.slice(1);
            offset = 0;
            break;
          }
          const match = take(/^[+-]\d{2}(?::?\d{2}(?::?\d{2})?)?/);
          const digits = match.slice(1).replaceAll(':', '');
          const seconds = Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4) || 0) * 60 + Number(digits.slice(4, 6) || 0);
          offset = match.startsWith('-') ? -seconds : seconds;
          break;
        }
        const digits = take(/^[.,]\d+/).slice(1);
        fields.nanosecond = Number(digits.padEnd(9, '0').slice(0, 9));
      }
    }
  }
  if (rest !== '') fail(`parsing time ${JSON.stringify(text)}: extra text: ${JSON.stringify(rest)}`);
  if (pm !== undefined) {
    if (fields.hour > 12) bad();
    if (pm && fields.hour < 12) fields.hour += 12;
    if (!pm && fields.hour === 12) fields.hour = 0;
  }
  if (fields.month < 1 || fields.month > 12 || fields.day < 1 || fields.day > 31 || fields.hour > 23 ||
    fields.minute > 59 || fields.second > 59) {
    fail(`parsing time ${JSON.stringify(text)}: value out of range`);
  }
  const offsetSeconds = offset ?? 0;
  return fromCivilTime(fields, offsetSeconds, offsetSeconds === 0 ? 'UTC' : (zone ?? ''));
}
