import { ExpressionError } from './expression-error';

// The lexer of expr-lang (parser/lexer/state.go), token for token, so that the parser above it can follow
// expr-lang's grammar exactly, including its quirks ("not in" is one operator, `.5` is a number, `#acc` a pointer).

/** The kinds of token expr-lang's lexer emits. */
export type TokenKind = 'identifier' | 'number' | 'string' | 'operator' | 'bracket' | 'eof';

/** One token: its kind, its (unescaped, for strings) value, and its offset in the source. */
export interface Token {
  kind: TokenKind;
  value: string;
  position: number;
}

const KEYWORD_OPERATORS = new Set(['in', 'or', 'and', 'matches', 'contains', 'startsWith', 'endsWith', 'let', 'if', 'else']);
const NEGATABLE = new Set(['in', 'matches', 'contains', 'startsWith', 'endsWith']);

// ASCII characters answer from a table instead of a Unicode regex: a `depends` of hundreds of tasks is tens of
// thousands of characters, each tested twice.
const asciiIdentifier = new Uint8Array(128);
for (let code = 0; code < 128; code++) asciiIdentifier[code] = /^[\p{L}\p{Nd}_$]$/u.test(String.fromCharCode(code)) ? 1 : 0;
const asciiSpace = new Uint8Array(128);
for (const char of '\t\n\v\f\r ') asciiSpace[char.charCodeAt(0)] = 1;

/** Whether a character may appear in an identifier: letters, digits, `_` and `$`. */
export function isIdentifierChar(char: string): boolean {
  if (char.length === 1 && char.charCodeAt(0) < 128) return asciiIdentifier[char.charCodeAt(0)] === 1;
  return /^[\p{L}\p{Nd}_$]$/u.test(char);
}

/** Go's unicode.IsSpace. */
export function isGoSpace(char: string): boolean {
  if (char.length === 1 && char.charCodeAt(0) < 128) return asciiSpace[char.charCodeAt(0)] === 1;
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(char);
}

/** Splits an expr-lang expression into tokens; throws ExpressionError on a malformed literal or stray character. */
export function tokenizeExpr(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const error = (reason: string, at: number): never => {
    throw new ExpressionError(reason, source, at);
  };
  const push = (kind: TokenKind, value: string, position: number): void => {
    tokens.push({ kind, value, position });
  };
  while (i < source.length) {
    const start = i;
    const char = charAt(source, i);
    if (isGoSpace(char)) {
      i += char.length;
      continue;
    }
    if (char === '"' || char === "'") {
      const { value, end } = scanQuoted(source, i, error);
      push('string', value, start);
      i = end;
      continue;
    }
    if (char === '`') {
      // Raw string: no escapes, except that a doubled backtick stands for one backtick.
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= source.length) error('literal not terminated', source.length);
        if (source[j] === '`' && source[j + 1] === '`') {
          value += '`';
          j += 2;
        } else if (source[j] === '`') break;
        else {
          value += source[j];
          j += 1;
        }
      }
      push('string', value, start);
      i = j + 1;
      continue;
    }
    if ((char === 'b' || char === 'B') && (source[i + 1] === '"' || source[i + 1] === "'")) {
      error('bytes literals are not supported', start);
    }
    if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      const end = scanNumber(source, i);
      if (end < 0) error(`bad number syntax: ${JSON.stringify(source.slice(i, -end))}`, -end - 1);
      push('number', source.slice(i, end), start);
      i = end;
      continue;
    }
    if (char === '/' && source[i + 1] === '/') {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end + 1;
      continue;
    }
    if (char === '/' && source[i + 1] === '*') {
      const end = source.indexOf('*/', i + 2);
      if (end < 0) error('unclosed comment', source.length);
      i = end + 2;
      continue;
    }
    if (char === '#') {
      push('operator', '#', start);
      i += 1;
      const name = readIdentifier(source, i);
      if (name !== '') push('identifier', name, i);
      i += name.length;
      continue;
    }
    const operator = readOperator(source, i);
    if (operator !== undefined) {
      push(operator === '(' || operator === ')' || operator === '[' || operator === ']' || operator === '{' || operator === '}'
        ? 'bracket' : 'operator', operator, start);
      i += operator.length;
      continue;
    }
    if (isIdentifierChar(char)) {
      const word = readIdentifier(source, i);
      i += word.length;
      if (word === 'not') {
        push('operator', 'not', start);
        // "not in", "not matches" and friends: the lexer emits the following keyword as an operator too.
        let j = i;
        while (source[j] === ' ') j += 1;
        const next = readIdentifier(source, j);
        if (NEGATABLE.has(next)) {
          push('operator', next, j);
          i = j + next.length;
        }
      } else push(KEYWORD_OPERATORS.has(word) ? 'operator' : 'identifier', word, start);
      continue;
    }
    error(`unrecognized character: ${describeRune(char)}`, start);
  }
  push('eof', '', source.length);
  return tokens;
}

function charAt(source: string, index: number): string {
  const code = source.charCodeAt(index);
  // Not a surrogate: the character is the one code unit (the common case, without building a string from a code point).
  if (code < 0xd800 || code > 0xdfff) return source[index] ?? '\0';
  return String.fromCodePoint(source.codePointAt(index) ?? 0);
}

function readIdentifier(source: string, start: number): string {
  let end = start;
  while (end < source.length) {
    const char = charAt(source, end);
    if (!isIdentifierChar(char)) break;
    end += char.length;
  }
  return source.slice(start, end);
}

function readOperator(source: string, i: number): string | undefined {
  const char = source[i] ?? '';
  const next = source[i + 1] ?? '';
  if (char === '?') return next === '.' || next === '?' ? char + next : char;
  if (char === '|') return next === '|' ? '||' : '|';
  if (char === ':') return next === ':' ? '::' : ':';
  if (char === '.') return next === '.' ? '..' : '.';
  if ('([{)]},;%+-^/'.includes(char)) return char;
  // "&&", "==", "!=", "<=", ">=", "**"; a lone "=" (for let) or "!" too. Like expr-lang, "&" then one of "&=*".
  if ('&!=*<>'.includes(char)) return '&=*'.includes(next) && next !== '' ? char + next : char;
  return undefined;
}

// Mirrors lexer.scanNumber; returns the end offset, or -(offset + 1) of the offending character.
function scanNumber(source: string, start: number): number {
  let i = start;
  let digits = /[0-9_]/;
  if (source[i] === '0') {
    i += 1;
    const prefix = source[i] ?? '';
    if (prefix === 'x' || prefix === 'X') digits = /[0-9a-fA-F_]/;
    else if (prefix === 'o' || prefix === 'O') digits = /[0-7_]/;
    else if (prefix === 'b' || prefix === 'B') digits = /[01_]/;
    if (digits.source !== '[0-9_]') i += 1;
  }
  while (digits.test(source[i] ?? '')) i += 1;
  if (source[i] === '.') {
    // "1..3" is a range: the number stops before the two dots.
    if (source[i + 1] === '.') return i;
    i += 1;
    while (digits.test(source[i] ?? '')) i += 1;
  }
  if (source[i] === 'e' || source[i] === 'E') {
    i += 1;
    if (source[i] === '+' || source[i] === '-') i += 1;
    while (digits.test(source[i] ?? '')) i += 1;
  }
  if (i < source.length && isIdentifierChar(charAt(source, i))) return -(i + 1);
  return i;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"',
};

// Scans a quoted string literal and unescapes it as expr-lang's unescape does (\n, \x41, \101, \u00e9, \u{1F600}).
function scanQuoted(source: string, start: number, error: (reason: string, at: number) => never): { value: string; end: number } {
  const quote = source[start];
  let value = '';
  let i = start + 1;
  for (;;) {
    const char = source[i];
    if (char === undefined || char === '\n') return error('literal not terminated', i);
    if (char === quote) return { value, end: i + 1 };
    if (char === '\r') {
      // expr-lang normalises \r\n and \r inside literals to \n.
      value += '\n';
      i += source[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (char !== '\\') {
      value += char;
      i += 1;
      continue;
    }
    const kind = source[i + 1] ?? '';
    const simple = SIMPLE_ESCAPES[kind];
    // The lexer accepts only the literal's own quote as an escaped quote: "\'" is an error, as in expr-lang.
    if (simple !== undefined && ((kind !== "'" && kind !== '"') || kind === quote)) {
      value += simple;
      i += 2;
      continue;
    }
    const hex = (from: number, count: number): number => {
      const digits = source.slice(from, from + count);
      if (!new RegExp(`^[0-9a-fA-F]{${count}}$`).test(digits)) error('invalid char escape', from);
      return parseInt(digits, 16);
    };
    if (kind === 'x') {
      value += String.fromCharCode(hex(i + 2, 2));
      i += 4;
    } else if (kind === 'u' && source[i + 2] === '{') {
      const end = source.indexOf('}', i + 3);
      const digits = end < 0 ? '' : source.slice(i + 3, end);
      if (!/^[0-9a-fA-F]{1,6}$/.test(digits) || parseInt(digits, 16) > 0x10ffff) error('invalid char escape', i);
      value += String.fromCodePoint(parseInt(digits, 16));
      i = end + 1;
    } else if (kind === 'u' || kind === 'U') {
      const count = kind === 'u' ? 4 : 8;
      const code = hex(i + 2, count);
      if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) error('invalid char escape', i);
      value += String.fromCodePoint(code);
      i += 2 + count;
    } else if (/[0-7]/.test(kind)) {
      const digits = source.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(digits) || parseInt(digits, 8) > 255) error('invalid char escape', i);
      value += String.fromCharCode(parseInt(digits, 8));
      i += 4;
    } else error('invalid char escape', i);
  }
}

function describeRune(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} '${char}'`;
}
