import { fail } from './expression-error';

// Go's regexp package speaks RE2. Most patterns mean the same in JavaScript with the `u` flag (both match by code
// point); this translates the RE2 spellings JavaScript lacks. Backreferences and lookarounds, which RE2 rejects,
// are rejected here too so a pattern that fails in Argo does not quietly work in Capstan.

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9', graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z', word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};

const cache = new Map<string, RegExp>();

/** Compiles a Go (RE2) regular expression into an equivalent JavaScript RegExp; `global` adds the g flag. */
export function compileGoRegexp(pattern: string, global = false): RegExp {
  const key = `${global ? 'g' : '-'}${pattern}`;
  const cached = cache.get(key);
  if (cached) {
    cached.lastIndex = 0;
    return cached;
  }
  const { source, flags } = translate(pattern);
  let compiled: RegExp;
  try {
    compiled = new RegExp(source, `u${flags}${global ? 'g' : ''}`);
  } catch (error) {
    return fail(`error parsing regexp: ${goReason(error instanceof Error ? error.message : String(error))}: \`${pattern}\``);
  }
  if (cache.size > 500) cache.clear();
  cache.set(key, compiled);
  return compiled;
}

// JavaScript's syntax errors, reworded as Go's regexp/syntax names them.
const GO_REASONS: Array<[RegExp, string]> = [
  [/Unterminated group/, 'missing closing )'],
  [/Unmatched '\)'/, 'unexpected )'],
  [/Unterminated character class/, 'missing closing ]'],
  [/Nothing to repeat/, 'missing argument to repetition operator'],
  [/Invalid escape|Invalid Unicode escape/, 'invalid escape sequence'],
  [/numbers out of order/, 'invalid repeat count'],
  [/Range out of order/, 'invalid character class range'],
];

function goReason(message: string): string {
  return GO_REASONS.find(([pattern]) => pattern.test(message))?.[1] ?? message;
}

function translate(pattern: string): { source: string; flags: string } {
  let flags = '';
  let rest = pattern;
  // A leading flag group such as (?i) or (?sm) becomes JavaScript flags; U (ungreedy) has no equivalent.
  const leading = /^\(\?([imsU]+)\)/.exec(rest);
  if (leading) {
    const letters = leading[1] ?? '';
    if (letters.includes('U')) fail(`unsupported regexp flag U in \`${pattern}\``);
    flags = [...new Set(letters)].join('');
    rest = rest.slice(leading[0].length);
  }
  let out = '';
  let inClass = false;
  for (let i = 0; i < rest.length; i++) {
    const char = rest[i] ?? '';
    if (char === '\\') {
      const next = rest[i + 1] ?? '';
      i += 1;
      if (next === 'Q') {
        const end = rest.indexOf('\\E', i + 1);
        const literal = end < 0 ? rest.slice(i + 1) : rest.slice(i + 1, end);
        out += literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
        i = end < 0 ? rest.length : end + 1;
      } else if (next === 'A') out += '^';
      else if (next === 'z') out += '$(?![\\s\\S])';
      else if (next === 'p' || next === 'P') {
        if (rest[i + 1] === '{') {
          const end = rest.indexOf('}', i);
          out += `\\${next}${rest.slice(i + 1, end + 1)}`;
          i = end;
        } else {
          out += `\\${next}{${rest[i + 1] ?? ''}}`;
          i += 1;
        }
      } else if (/^[0-9]$/.test(next) && next !== '0') fail(`invalid escape sequence: \`\\${next}\``);
      else if (/^[A-Za-z0-9]$/.test(next)) out += `\\${next}`;
      // RE2 lets any punctuation be escaped; JavaScript's u flag does not, so spell it as a hex escape.
      else out += `\\x${(next.codePointAt(0) ?? 0).toString(16).padStart(2, '0')}`;
      continue;
    }
    if (inClass) {
      const posix = /^\[:(\^?)([a-z]+):\]/.exec(rest.slice(i));
      if (posix) {
        const range = POSIX_CLASSES[posix[2] ?? ''];
        if (range === undefined || posix[1] === '^') fail(`invalid character class range: \`${posix[0]}\``);
        out += range;
        i += posix[0].length - 1;
        continue;
      }
      if (char === ']') inClass = false;
      out += char;
      continue;
    }
    if (char === '[') {
      inClass = true;
      out += char;
      // A ']' right after '[' or '[^' is a literal in RE2.
      if (rest[i + 1] === '^') {
        out += '^';
        i += 1;
      }
      if (rest[i + 1] === ']') {
        out += '\\]';
        i += 1;
      }
      continue;
    }
    if (char === '(' && rest[i + 1] === '?') {
      const group = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(rest.slice(i));
      if (group) {
        out += `(?<${group[1]}>`;
        i += group[0].length - 1;
        continue;
      }
      if (rest[i + 2] === ':') {
        out += '(?:';
        i += 2;
        continue;
      }
      fail(`invalid or unsupported Perl syntax: \`${rest.slice(i, i + 3)}\``);
    }
    out += char;
  }
  return { source: out, flags };
}
