import { fail, ExpressionError } from './expression-error';
import { decodeBase32, decodeBase64, encodeBase32, encodeBase64 } from './go-encoding';
import { fromGoJson, toGoJson } from './go-json';
import { compileGoRegexp } from './go-regexp';
import { formatGoDuration, GoDuration, GoTime, parseGoDuration, unixSeconds } from './go-time';
import { formatGoTime, parseGoTime } from './go-time-layout';
import { adler32Decimal, sha1Hex, sha256Hex, sha512Hex } from './hashes';
import { deepEqual } from './operators';
import { kindName } from './sprig-collections';
import { goFunction } from './sprig-convert';
import { goTypeName } from './value';
import type { ExprFunction, Value } from './value';

// sprig's JSON, reflection, path, encoding, hash, regex and date functions. Date functions take the clock from the
// caller: sprig reads time.Now() (and, for a non-time argument such as a string, silently formats "now").

function swallow<T>(fallback: T, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (error instanceof ExpressionError) return fallback;
    throw error;
  }
}

/** Go's path.Clean: the shortest equivalent slash-separated path. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
    } else out.push(part);
  }
  const joined = out.join('/');
  return rooted ? `/${joined}` : joined === '' ? '.' : joined;
}

function basePath(path: string): string {
  if (path === '') return '.';
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function dirPath(path: string): string {
  return cleanPath(path.slice(0, path.lastIndexOf('/') + 1));
}

function extPath(path: string): string {
  for (let i = path.length - 1; i >= 0 && path[i] !== '/'; i--) if (path[i] === '.') return path.slice(i);
  return '';
}

// regexp's Expand: $1, ${1}, $name, ${name}; a name is the longest run of word characters, so "$1W" means ${1W}.
function expandTemplate(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(?:\$|\{(\w+)\}|(\w+))/g, (whole, braced?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const name = braced ?? bare ?? '';
    if (/^\d+$/.test(name)) return match[Number(name)] ?? '';
    return match.groups?.[name] ?? '';
  });
}

function replaceAll(pattern: string, text: string, replacement: (match: RegExpExecArray) => string): string {
  const regex = compileGoRegexp(pattern, true);
  let out = '';
  let last = 0;
  for (const match of text.matchAll(regex)) {
    out += text.slice(last, match.index) + replacement(match as RegExpExecArray);
    last = match.index + match[0].length;
  }
  return out + text.slice(last);
}

// FindAllString: nil (not an empty list) when nothing matches.
function findAll(pattern: string, text: string, n: bigint): string[] | null {
  const matches = [...text.matchAll(compileGoRegexp(pattern, true))].map((m) => m[0]);
  const limited = n < 0n ? matches : matches.slice(0, Number(n));
  return limited.length === 0 ? null : limited;
}

// regexp.Split, line for line: note a trailing empty piece is kept only when the last match did not end the text.
function regexSplit(pattern: string, text: string, n: bigint): string[] | null {
  if (n === 0n) return null;
  if (pattern.length > 0 && text.length === 0) return [''];
  let matches = [...text.matchAll(compileGoRegexp(pattern, true))];
  if (n > 0n) matches = matches.slice(0, Number(n));
  const parts: string[] = [];
  let begin = 0;
  let end = 0;
  for (const match of matches) {
    if (n > 0n && BigInt(parts.length) === n - 1n) break;
    end = match.index;
    if (match.index + match[0].length !== 0) parts.push(text.slice(begin, end));
    begin = match.index + match[0].length;
  }
  if (end !== text.length) parts.push(text.slice(begin));
  return parts;
}

/** Builds sprig's remaining functions; `now` is the caller's clock, needed by the date functions. */
export function createSprigMiscFunctions(now: GoTime | undefined): Record<string, ExprFunction> {
  const clock = (name: string): GoTime => now ?? fail(`sprig.${name} needs a clock: pass \`now\` in the evaluation options`);
  // sprig's date functions accept a time, or Unix seconds as an int; anything else means "now".
  const toTime = (name: string, value: Value): GoTime => {
    if (value instanceof GoTime) return value;
    if (typeof value === 'bigint') return new GoTime(value * 1_000_000_000n);
    return clock(name);
  };
  const inZone = (zone: string): void => {
    if (zone !== 'UTC' && zone !== 'Local' && zone !== '') fail(`time zone ${zone} is not available: Capstan formats dates in UTC`);
  };
  const dateInZone = (layout: string, date: Value, zone: string): string => {
    inZone(zone);
    const t = toTime('dateInZone', date);
    return formatGoTime(new GoTime(t.epochNanos), layout);
  };
  return {
    hello: goFunction('hello', [], () => 'Hello!'),
    fail: goFunction('fail', ['string'], (message: string) => fail(message)),
    fromJson: goFunction('fromJson', ['string'], (s: string) => swallow<Value>(null, () => fromGoJson(s))),
    mustFromJson: goFunction('mustFromJson', ['string'], fromGoJson),
    toJson: goFunction('toJson', ['any'], (v: Value) => swallow('', () => toGoJson(v))),
    mustToJson: goFunction('mustToJson', ['any'], (v: Value) => toGoJson(v)),
    toPrettyJson: goFunction('toPrettyJson', ['any'], (v: Value) => swallow('', () => toGoJson(v, { indent: '  ' }))),
    mustToPrettyJson: goFunction('mustToPrettyJson', ['any'], (v: Value) => toGoJson(v, { indent: '  ' })),
    toRawJson: goFunction('toRawJson', ['any'], (v: Value) => toGoJson(v, { escapeHtml: false })),
    mustToRawJson: goFunction('mustToRawJson', ['any'], (v: Value) => toGoJson(v, { escapeHtml: false })),
    typeOf: goFunction('typeOf', ['any'], goTypeName),
    typeIs: goFunction('typeIs', ['string', 'any'], (target: string, v: Value) => target === goTypeName(v)),
    typeIsLike: goFunction('typeIsLike', ['string', 'any'], (target: string, v: Value) => target === goTypeName(v) || `*${target}` === goTypeName(v)),
    kindOf: goFunction('kindOf', ['any'], kindName),
    kindIs: goFunction('kindIs', ['string', 'any'], (target: string, v: Value) => target === kindName(v)),
    deepEqual: goFunction('deepEqual', ['any', 'any'], deepEqual),
    base: goFunction('base', ['string'], basePath),
    dir: goFunction('dir', ['string'], dirPath),
    clean: goFunction('clean', ['string'], cleanPath),
    ext: goFunction('ext', ['string'], extPath),
    isAbs: goFunction('isAbs', ['string'], (p: string) => p.startsWith('/')),
    osBase: goFunction('osBase', ['string'], basePath),
    osDir: goFunction('osDir', ['string'], dirPath),
    osClean: goFunction('osClean', ['string'], cleanPath),
    osExt: goFunction('osExt', ['string'], extPath),
    osIsAbs: goFunction('osIsAbs', ['string'], (p: string) => p.startsWith('/')),
    b64enc: goFunction('b64enc', ['string'], encodeBase64),
    b64dec: goFunction('b64dec', ['string'], (s: string) => { try { return decodeBase64(s); } catch (e) { return e instanceof ExpressionError ? e.reason : ''; } }),
    b32enc: goFunction('b32enc', ['string'], encodeBase32),
    b32dec: goFunction('b32dec', ['string'], (s: string) => { try { return decodeBase32(s); } catch (e) { return e instanceof ExpressionError ? e.reason : ''; } }),
    sha1sum: goFunction('sha1sum', ['string'], sha1Hex),
    sha256sum: goFunction('sha256sum', ['string'], sha256Hex),
    sha512sum: goFunction('sha512sum', ['string'], sha512Hex),
    adler32sum: goFunction('adler32sum', ['string'], adler32Decimal),
    regexMatch: goFunction('regexMatch', ['string', 'string'], (p: string, s: string) => swallow(false, () => compileGoRegexp(p).test(s))),
    mustRegexMatch: goFunction('mustRegexMatch', ['string', 'string'], (p: string, s: string) => compileGoRegexp(p).test(s)),
    regexFindAll: goFunction('regexFindAll', ['string', 'string', 'int'], findAll),
    mustRegexFindAll: goFunction('mustRegexFindAll', ['string', 'string', 'int'], findAll),
    regexFind: goFunction('regexFind', ['string', 'string'], (p: string, s: string) => compileGoRegexp(p).exec(s)?.[0] ?? ''),
    mustRegexFind: goFunction('mustRegexFind', ['string', 'string'], (p: string, s: string) => compileGoRegexp(p).exec(s)?.[0] ?? ''),
    regexReplaceAll: goFunction('regexReplaceAll', ['string', 'string', 'string'], (p: string, s: string, r: string) => replaceAll(p, s, (m) => expandTemplate(r, m))),
    mustRegexReplaceAll: goFunction('mustRegexReplaceAll', ['string', 'string', 'string'], (p: string, s: string, r: string) => replaceAll(p, s, (m) => expandTemplate(r, m))),
    regexReplaceAllLiteral: goFunction('regexReplaceAllLiteral', ['string', 'string', 'string'], (p: string, s: string, r: string) => replaceAll(p, s, () => r)),
    mustRegexReplaceAllLiteral: goFunction('mustRegexReplaceAllLiteral', ['string', 'string', 'string'], (p: string, s: string, r: string) => replaceAll(p, s, () => r)),
    regexSplit: goFunction('regexSplit', ['string', 'string', 'int'], regexSplit),
    mustRegexSplit: goFunction('mustRegexSplit', ['string', 'string', 'int'], regexSplit),
    regexQuoteMeta: goFunction('regexQuoteMeta', ['string'], (s: string) => s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&')),
    now: goFunction('now', [], () => clock('now')),
    date: goFunction('date', ['string', 'any'], (layout: string, d: Value) => dateInZone(layout, d, 'Local')),
    dateInZone: goFunction('dateInZone', ['string', 'any', 'string'], dateInZone),
    date_in_zone: goFunction('date_in_zone', ['string', 'any', 'string'], dateInZone),
    htmlDate: goFunction('htmlDate', ['any'], (d: Value) => dateInZone('2006-01-02', d, 'Local')),
    htmlDateInZone: goFunction('htmlDateInZone', ['any', 'string'], (d: Value, zone: string) => dateInZone('2006-01-02', d, zone)),
    dateModify: goFunction('dateModify', ['string', 'time'], (s: string, t: GoTime) => swallow(t, () => new GoTime(t.epochNanos + parseGoDuration(s).nanos, t.offsetSeconds, t.zone))),
    date_modify: goFunction('date_modify', ['string', 'time'], (s: string, t: GoTime) => swallow(t, () => new GoTime(t.epochNanos + parseGoDuration(s).nanos, t.offsetSeconds, t.zone))),
    mustDateModify: goFunction('mustDateModify', ['string', 'time'], (s: string, t: GoTime) => new GoTime(t.epochNanos + parseGoDuration(s).nanos, t.offsetSeconds, t.zone)),
    must_date_modify: goFunction('must_date_modify', ['string', 'time'], (s: string, t: GoTime) => new GoTime(t.epochNanos + parseGoDuration(s).nanos, t.offsetSeconds, t.zone)),
    toDate: goFunction('toDate', ['string', 'string'], (layout: string, s: string) => swallow(new GoTime(-62_135_596_800_000_000_000n), () => parseGoTime(s, layout))),
    mustToDate: goFunction('mustToDate', ['string', 'string'], (layout: string, s: string) => parseGoTime(s, layout)),
    unixEpoch: goFunction('unixEpoch', ['time'], (t: GoTime) => String(unixSeconds(t))),
    ago: goFunction('ago', ['any'], (d: Value) => {
      const since = clock('ago').epochNanos - toTime('ago', d).epochNanos;
      const rounded = ((since + (since < 0n ? -500_000_000n : 500_000_000n)) / 1_000_000_000n) * 1_000_000_000n;
      return formatGoDuration(new GoDuration(rounded));
    }),
    // sprig reads seconds from a string or an int64 only; expr-lang's ints are Go ints, so they read as 0 ("0s").
    duration: goFunction('duration', ['any'], (v: Value) => {
      const seconds = typeof v === 'string' && /^[+-]?\d+$/.test(v) ? BigInt(v) : 0n;
      return formatGoDuration(new GoDuration(seconds * 1_000_000_000n));
    }),
    durationRound: goFunction('durationRound', ['any'], (v: Value) => {
      let nanos = 0n;
      if (typeof v === 'string') nanos = swallow(0n, () => parseGoDuration(v).nanos);
      else if (v instanceof GoTime) nanos = clock('durationRound').epochNanos - v.epochNanos;
      const u = nanos < 0n ? -nanos : nanos;
      const units: Array<[bigint, string]> = [[31_536_000n, 'y'], [2_592_000n, 'mo'], [86_400n, 'd'], [3_600n, 'h'], [60n, 'm'], [1n, 's']];
      for (const [seconds, suffix] of units) {
        const size = seconds * 1_000_000_000n;
        if (u > size) return `${u / size}${suffix}`;
      }
      return '0s';
    }),
  };
}
