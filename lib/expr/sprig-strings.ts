import { fail } from './expression-error';
import { fromUtf8, toUtf8 } from './go-encoding';
import { goReplace, goSplit, goTitle, goToLower, goToUpper, goTrim, goTrimSpace } from './go-strings';
import { goFunction, goQuote, strval, toStringList } from './sprig-convert';
import { isGoSpace } from './tokenize-expr';
import { toDelimitedCase, toPascalCase } from './xstrings-case';
import { isNil, toValueMap } from './value';
import type { ExprFunction, Value } from './value';

// sprig's string functions (strings.go and the strings entries of functions.go). Note sprig's argument order: the
// string operated on comes last ("foo" | repeat 5 in templates), so in expressions it is `sprig.repeat(5, "foo")`.

// Go slices strings by byte; these functions do too, so a cut inside a multi-byte character shows U+FFFD.
function sliceBytes(text: string, start: number, end?: number): string {
  return fromUtf8(toUtf8(text).slice(start, end));
}

function byteLength(text: string): number {
  return toUtf8(text).length;
}

function abbreviate(text: string, offset: number, maxWidth: number): string {
  if (text === '') return '';
  if (maxWidth < 4) fail('stringutils illegal argument: Minimum abbreviation width is 4');
  const length = byteLength(text);
  if (length <= maxWidth) return text;
  let start = Math.min(offset, length);
  if (length - start < maxWidth - 3) start = length - (maxWidth - 3);
  if (start <= 4) return `${sliceBytes(text, 0, maxWidth - 3)}...`;
  if (maxWidth < 7) fail('stringutils illegal argument: Minimum abbreviation width with offset is 7');
  if (start + maxWidth - 3 < length) return `...${abbreviate(sliceBytes(text, start), 0, maxWidth - 3)}`;
  return `...${sliceBytes(text, length - (maxWidth - 3))}`;
}

// goutils.SwapCase: upper case becomes lower and lower becomes upper (Go title-cases after a space, which only
// differs from upper case for a few digraphs).
function swapCase(text: string): string {
  return [...text].map((char) => {
    const lower = char.toLowerCase();
    return char !== lower ? lower : char.toUpperCase();
  }).join('');
}

function initials(text: string): string {
  let out = '';
  let gap = true;
  for (const char of text) {
    if (isGoSpace(char)) gap = true;
    else if (gap) {
      out += char;
      gap = false;
    }
  }
  return out;
}

// goutils.WrapCustom: break at the last space within the width; a longer word is split only with wrapLongWords,
// otherwise it runs on to the next space.
function wrap(text: string, width: number, separator: string, wrapLongWords: boolean): string {
  if (text === '') return '';
  const newLine = separator === '' ? '\n' : separator;
  const length = Math.max(1, width);
  let out = '';
  let offset = 0;
  while (text.length - offset > length) {
    if (text[offset] === ' ') {
      offset += 1;
      continue;
    }
    const space = text.slice(offset, length + offset + 1).lastIndexOf(' ');
    if (space >= 0) {
      out += text.slice(offset, offset + space) + newLine;
      offset += space + 1;
    } else if (wrapLongWords) {
      out += text.slice(offset, offset + length) + newLine;
      offset += length;
    } else {
      const next = text.indexOf(' ', offset + length);
      if (next < 0) {
        out += text.slice(offset);
        offset = text.length;
      } else {
        out += text.slice(offset, next) + newLine;
        offset = next + 1;
      }
    }
  }
  return out + text.slice(offset);
}

function indexedMap(parts: string[]): Value {
  return toValueMap(parts.map((part, i) => [`_${i}`, part] as const));
}

/** sprig's string functions. */
export const SPRIG_STRING_FUNCTIONS: Record<string, ExprFunction> = {
  abbrev: goFunction('abbrev', ['int', 'string'], (width: bigint, s: string) => (width < 4n ? s : abbreviate(s, 0, Number(width)))),
  abbrevboth: goFunction('abbrevboth', ['int', 'int', 'string'], (left: bigint, right: bigint, s: string) =>
    (right < 4n || (left > 0n && right < 7n) ? s : abbreviate(s, Number(left), Number(right)))),
  trunc: goFunction('trunc', ['int', 'string'], (c: bigint, s: string) => {
    const n = Number(c);
    const length = byteLength(s);
    if (n < 0 && length + n > 0) return sliceBytes(s, length + n);
    if (n >= 0 && length > n) return sliceBytes(s, 0, n);
    return s;
  }),
  trim: goFunction('trim', ['string'], goTrimSpace),
  upper: goFunction('upper', ['string'], goToUpper),
  lower: goFunction('lower', ['string'], goToLower),
  title: goFunction('title', ['string'], goTitle),
  untitle: goFunction('untitle', ['string'], (s: string) => {
    let lowerNext = true;
    return [...s].map((char) => {
      if (isGoSpace(char)) {
        lowerNext = true;
        return char;
      }
      const out = lowerNext ? char.toLowerCase() : char;
      lowerNext = false;
      return out;
    }).join('');
  }),
  substr: goFunction('substr', ['int', 'int', 'string'], (start: bigint, end: bigint, s: string) => {
    const length = byteLength(s);
    const from = Number(start);
    const to = Number(end);
    const outOfRange = (): never => fail(`runtime error: slice bounds out of range [${from}:${to}] with length ${length}`);
    if (from < 0) return to < 0 || to > length ? outOfRange() : sliceBytes(s, 0, to);
    if (to < 0 || to > length) return from > length ? outOfRange() : sliceBytes(s, from);
    return from > to ? outOfRange() : sliceBytes(s, from, to);
  }),
  repeat: goFunction('repeat', ['int', 'string'], (count: bigint, s: string) => {
    if (count < 0n) fail('strings: negative Repeat count');
    if (count * BigInt(s.length) > 10_000_000n) fail('strings: Repeat output length overflow');
    return s.repeat(Number(count));
  }),
  trimall: goFunction('trimall', ['string', 'string'], (cut: string, s: string) => goTrim(s, cut)),
  trimAll: goFunction('trimAll', ['string', 'string'], (cut: string, s: string) => goTrim(s, cut)),
  trimSuffix: goFunction('trimSuffix', ['string', 'string'], (suffix: string, s: string) => (suffix !== '' && s.endsWith(suffix) ? s.slice(0, -suffix.length) : s)),
  trimPrefix: goFunction('trimPrefix', ['string', 'string'], (prefix: string, s: string) => (s.startsWith(prefix) ? s.slice(prefix.length) : s)),
  nospace: goFunction('nospace', ['string'], (s: string) => [...s].filter((char) => !isGoSpace(char)).join('')),
  initials: goFunction('initials', ['string'], initials),
  swapcase: goFunction('swapcase', ['string'], swapCase),
  snakecase: goFunction('snakecase', ['string'], (s: string) => toDelimitedCase(s, '_')),
  kebabcase: goFunction('kebabcase', ['string'], (s: string) => toDelimitedCase(s, '-')),
  camelcase: goFunction('camelcase', ['string'], toPascalCase),
  wrap: goFunction('wrap', ['int', 'string'], (width: bigint, s: string) => wrap(s, Number(width), '\n', false)),
  wrapWith: goFunction('wrapWith', ['int', 'string', 'string'], (width: bigint, sep: string, s: string) => wrap(s, Number(width), sep, true)),
  contains: goFunction('contains', ['string', 'string'], (sub: string, s: string) => s.includes(sub)),
  hasPrefix: goFunction('hasPrefix', ['string', 'string'], (prefix: string, s: string) => s.startsWith(prefix)),
  hasSuffix: goFunction('hasSuffix', ['string', 'string'], (suffix: string, s: string) => s.endsWith(suffix)),
  quote: goFunction('quote', ['any'], (...values: Value[]) => values.filter((v) => !isNil(v)).map((v) => goQuote(strval(v))).join(' '), true),
  squote: goFunction('squote', ['any'], (...values: Value[]) => values.filter((v) => !isNil(v)).map((v) => `'${strval(v)}'`).join(' '), true),
  cat: goFunction('cat', ['any'], (...values: Value[]) => values.filter((v) => !isNil(v)).map(strval).join(' '), true),
  indent: goFunction('indent', ['int', 'string'], (spaces: bigint, s: string) => {
    const pad = ' '.repeat(Math.max(0, Number(spaces)));
    return pad + s.replaceAll('\n', `\n${pad}`);
  }),
  nindent: goFunction('nindent', ['int', 'string'], (spaces: bigint, s: string) => {
    const pad = ' '.repeat(Math.max(0, Number(spaces)));
    return `\n${pad}${s.replaceAll('\n', `\n${pad}`)}`;
  }),
  replace: goFunction('replace', ['string', 'string', 'string'], (old: string, replacement: string, s: string) => goReplace(s, old, replacement)),
  plural: goFunction('plural', ['string', 'string', 'int'], (one: string, many: string, count: bigint) => (count === 1n ? one : many)),
  toString: goFunction('toString', ['any'], strval),
  splitList: goFunction('splitList', ['string', 'string'], (sep: string, s: string) => goSplit(s, sep)),
  split: goFunction('split', ['string', 'string'], (sep: string, s: string) => indexedMap(goSplit(s, sep))),
  splitn: goFunction('splitn', ['string', 'int', 'string'], (sep: string, n: bigint, s: string) => indexedMap(goSplit(s, sep, Number(n)))),
  toStrings: goFunction('toStrings', ['any'], toStringList),
  join: goFunction('join', ['string', 'any'], (sep: string, list: Value) => toStringList(list).join(sep)),
  sortAlpha: goFunction('sortAlpha', ['any'], (list: Value) => (Array.isArray(list) ? toStringList(list).sort() : [strval(list)])),
};
