const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number, width = 2, fill = '0') => String(n).padStart(width, fill);

function dayOfYear(d: Date): number {
  return Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
}

/** strftime conversions in UTC, as `{{workflow.creationTimestamp.<char>}}` offers them. */
export const strftimeFormats: Record<string, (d: Date) => string> = {
  a: (d) => days[d.getUTCDay()]!.slice(0, 3),
  A: (d) => days[d.getUTCDay()]!,
  b: (d) => months[d.getUTCMonth()]!.slice(0, 3),
  B: (d) => months[d.getUTCMonth()]!,
  C: (d) => pad(Math.floor(d.getUTCFullYear() / 100)),
  d: (d) => pad(d.getUTCDate()),
  D: (d) => `${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}/${pad(d.getUTCFullYear() % 100)}`,
  e: (d) => pad(d.getUTCDate(), 2, ' '),
  F: (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
  H: (d) => pad(d.getUTCHours()),
  I: (d) => pad(d.getUTCHours() % 12 || 12),
  j: (d) => pad(dayOfYear(d), 3),
  k: (d) => pad(d.getUTCHours(), 2, ' '),
  l: (d) => pad(d.getUTCHours() % 12 || 12, 2, ' '),
  m: (d) => pad(d.getUTCMonth() + 1),
  M: (d) => pad(d.getUTCMinutes()),
  n: () => '\n',
  p: (d) => (d.getUTCHours() < 12 ? 'AM' : 'PM'),
  R: (d) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  S: (d) => pad(d.getUTCSeconds()),
  t: () => '\t',
  T: (d) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`,
  u: (d) => String(d.getUTCDay() || 7),
  w: (d) => String(d.getUTCDay()),
  y: (d) => pad(d.getUTCFullYear() % 100),
  Y: (d) => String(d.getUTCFullYear()),
  Z: () => 'UTC',
  z: () => '+0000',
};
