// Go's time.Time in a *time.Location, as far as robfig/cron reads it: calendar fields of an instant in a zone,
// time.Date (with Go's choice of offset in a DST gap or overlap), AddDate and RFC 3339 formatting. Instants are
// whole Unix seconds; zone offsets come from Intl.DateTimeFormat (ICU's copy of the IANA database).

/** The calendar fields of an instant as seen in a zone, as Go's Year(), Month(), ... return them. */
export interface ZonedFields {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', era: 'short',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

function isUtc(zone: string): boolean {
  return zone === 'UTC' || zone === 'Etc/UTC' || zone === '';
}

function lookupOffset(zone: string, epochSeconds: number): number {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(epochSeconds * 1000))) parts[part.type] = part.value;
  const year = Number(parts['year']) * (parts['era'] === 'BC' || parts['era'] === 'B' ? -1 : 1);
  const local = wallSeconds(year, Number(parts['month']), Number(parts['day']), Number(parts['hour']), Number(parts['minute']), Number(parts['second']));
  return local - epochSeconds;
}

// Intl takes ~13 µs per lookup and robfig's search makes thousands for rare dates (Feb 29), so offsets are cached
// per span of ~12 days, with the instant of the span's change found by bisection. A span holds at most one change:
// a zone's changes are weeks apart (Morocco's Ramadan suspension, the shortest, lasts about a month). The cache is
// a memo of a pure function, so lib/ stays deterministic.
const SPAN_SECONDS = 1 << 20;

interface Span {
  before: number;
  after: number;
  /** First second with the `after` offset. */
  change: number;
}
const spans = new Map<string, Span>();

function spanOf(zone: string, span: number): Span {
  const key = `${zone}|${span}`;
  let cached = spans.get(key);
  if (!cached) {
    let low = span * SPAN_SECONDS;
    let high = low + SPAN_SECONDS - 1;
    const before = lookupOffset(zone, low);
    const after = lookupOffset(zone, high);
    if (before !== after) {
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        if (lookupOffset(zone, middle) === before) low = middle;
        else high = middle;
      }
    }
    cached = { before, after, change: high };
    if (spans.size > 50_000) spans.clear();
    spans.set(key, cached);
  }
  return cached;
}

/** The zone's offset from UTC in seconds at an instant (east positive), e.g. -28800 for PST. */
export function zoneOffsetSeconds(zone: string, epochSeconds: number): number {
  if (isUtc(zone)) return 0;
  const s = Math.floor(epochSeconds);
  const span = spanOf(zone, Math.floor(s / SPAN_SECONDS));
  return s < span.change ? span.before : span.after;
}

// Seconds of a wall-clock time read as UTC; setUTCFullYear, unlike Date.UTC, keeps years 0-99 as they are.
function wallSeconds(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  return Math.floor(wall.getTime() / 1000);
}

/** The calendar fields of an instant in a zone. */
export function zonedFields(zone: string, epochSeconds: number): ZonedFields {
  const local = new Date((epochSeconds + zoneOffsetSeconds(zone, epochSeconds)) * 1000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay(),
  };
}

/**
 * Go's time.Date: the instant of a wall-clock time in a zone. Out-of-range fields carry over (month 13 is January
 * of the next year). In a DST gap or overlap Go takes the offset in force at the wall time read as UTC, unless
 * that offset does not hold at the resulting instant; this keeps Go's answers (02:30 in Los Angeles' spring gap
 * is 01:30 PST, 01:30 in its autumn overlap is 01:30 PDT).
 */
export function zonedDate(zone: string, year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  const unix = wallSeconds(year, month, day, hour, minute, second);
  let offset = zoneOffsetSeconds(zone, unix);
  if (offset !== 0) {
    const utc = unix - offset;
    const atUtc = zoneOffsetSeconds(zone, utc);
    if (atUtc !== offset) offset = atUtc;
  }
  return unix - offset;
}

/** Go's t.AddDate(years, months, days) for an instant in a zone. */
export function addDate(zone: string, epochSeconds: number, years: number, months: number, days: number): number {
  const f = zonedFields(zone, epochSeconds);
  return zonedDate(zone, f.year + years, f.month + months, f.day + days, f.hour, f.minute, f.second);
}

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

/** Go's t.Format(time.RFC3339) for an instant shown in a zone: `2020-03-08T01:59:00-08:00`, or `…Z` at offset 0. */
export function formatRfc3339(zone: string, epochSeconds: number): string {
  const offset = zoneOffsetSeconds(zone, epochSeconds);
  const f = zonedFields(zone, epochSeconds);
  const date = `${pad(f.year, 4)}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}`;
  if (offset === 0) return `${date}Z`;
  const minutes = Math.trunc(Math.abs(offset) / 60);
  return `${date}${offset < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Whether Intl knows the zone (Go would load it from the IANA database). */
export function isKnownZone(zone: string): boolean {
  if (isUtc(zone)) return true;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}
