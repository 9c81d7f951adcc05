import { ExpressionError } from './expression-error';
import { parseGoTime } from './go-time-layout';
import { unixSeconds } from './go-time';
import type { GoTime } from './go-time';
import { compileGoRegexp } from './go-regexp';
import { formatGoValue } from './format-go-value';
import { isGoSpace } from './tokenize-expr';

// The lexer and syntax check of github.com/Knetic/govaluate (parsing.go, lexerState.go), which Argo uses for legacy
// `when` conditions. Its rules are odd but Argo's users depend on them: a bare word is a variable (Argo then turns
// it into a string), a dotted word is an accessor whose later parts must be capitalised, quotes of either kind end
// a string, and a quoted date becomes a number of seconds.

/** The kinds of govaluate token. */
export type GovaluateKind = 'UNKNOWN' | 'PREFIX' | 'NUMERIC' | 'BOOLEAN' | 'STRING' | 'PATTERN' | 'TIME' | 'VARIABLE'
  | 'FUNCTION' | 'SEPARATOR' | 'ACCESSOR' | 'COMPARATOR' | 'LOGICALOP' | 'MODIFIER' | 'CLAUSE' | 'CLAUSE_CLOSE' | 'TERNARY';

/** A govaluate token. TIME values are Unix seconds; ACCESSOR values are the dotted parts. */
export interface GovaluateToken {
  kind: GovaluateKind;
  value: number | string | boolean | string[] | RegExp;
  /** How Go prints the token's value in errors, where it differs from `value` (times, parentheses as runes). */
  display?: string;
}

const ALL_VALUES: GovaluateKind[] = ['PREFIX', 'NUMERIC', 'BOOLEAN', 'VARIABLE', 'PATTERN', 'FUNCTION', 'ACCESSOR', 'STRING', 'TIME', 'CLAUSE'];
const AFTER_VALUE: GovaluateKind[] = ['MODIFIER', 'COMPARATOR', 'LOGICALOP', 'CLAUSE_CLOSE', 'TERNARY', 'SEPARATOR'];

// Which token may follow which, and whether an expression may end after it (lexerState.go).
const STATES: Record<GovaluateKind, { next: GovaluateKind[]; canEnd: boolean }> = {
  UNKNOWN: { next: ALL_VALUES, canEnd: false },
  CLAUSE: { next: [...ALL_VALUES, 'CLAUSE_CLOSE'], canEnd: false },
  CLAUSE_CLOSE: { next: ['COMPARATOR', 'MODIFIER', 'NUMERIC', 'BOOLEAN', 'VARIABLE', 'STRING', 'PATTERN', 'TIME', 'CLAUSE', 'CLAUSE_CLOSE', 'LOGICALOP', 'TERNARY', 'SEPARATOR'], canEnd: true },
  NUMERIC: { next: AFTER_VALUE, canEnd: true },
  BOOLEAN: { next: AFTER_VALUE, canEnd: true },
  STRING: { next: AFTER_VALUE, canEnd: true },
  TIME: { next: ['MODIFIER', 'COMPARATOR', 'LOGICALOP', 'CLAUSE_CLOSE', 'SEPARATOR'], canEnd: true },
  PATTERN: { next: ['MODIFIER', 'COMPARATOR', 'LOGICALOP', 'CLAUSE_CLOSE', 'SEPARATOR'], canEnd: true },
  VARIABLE: { next: AFTER_VALUE, canEnd: true },
  MODIFIER: { next: ['PREFIX', 'NUMERIC', 'VARIABLE', 'FUNCTION', 'ACCESSOR', 'STRING', 'BOOLEAN', 'CLAUSE', 'CLAUSE_CLOSE'], canEnd: false },
  COMPARATOR: { next: ['PREFIX', 'NUMERIC', 'BOOLEAN', 'VARIABLE', 'FUNCTION', 'ACCESSOR', 'STRING', 'TIME', 'CLAUSE', 'CLAUSE_CLOSE', 'PATTERN'], canEnd: false },
  LOGICALOP: { next: ['PREFIX', 'NUMERIC', 'BOOLEAN', 'VARIABLE', 'FUNCTION', 'ACCESSOR', 'STRING', 'TIME', 'CLAUSE', 'CLAUSE_CLOSE'], canEnd: false },
  PREFIX: { next: ['NUMERIC', 'BOOLEAN', 'VARIABLE', 'FUNCTION', 'ACCESSOR', 'CLAUSE', 'CLAUSE_CLOSE'], canEnd: false },
  TERNARY: { next: ['PREFIX', 'NUMERIC', 'BOOLEAN', 'STRING', 'TIME', 'VARIABLE', 'FUNCTION', 'ACCESSOR', 'CLAUSE', 'SEPARATOR'], canEnd: false },
  FUNCTION: { next: ['CLAUSE'], canEnd: false },
  ACCESSOR: { next: ['CLAUSE', 'MODIFIER', 'COMPARATOR', 'LOGICALOP', 'CLAUSE_CLOSE', 'TERNARY', 'SEPARATOR'], canEnd: true },
  SEPARATOR: { next: ['PREFIX', 'NUMERIC', 'BOOLEAN', 'STRING', 'TIME', 'VARIABLE', 'FUNCTION', 'ACCESSOR', 'CLAUSE'], canEnd: false },
};

const PREFIXES = new Set(['-', '!', '~']);
const MODIFIERS = new Set(['+', '-', '*', '/', '%', '**', '&', '|', '^', '>>', '<<']);
const LOGICAL = new Set(['&&', '||']);
const COMPARATORS = new Set(['==', '!=', '>', '>=', '<', '<=', '=~', '!~', 'in']);
const TERNARIES = new Set(['?', ':', '??']);

// The layouts govaluate tries on every quoted string (tryParseTime), in its order. Local time is UTC here.
const TIME_LAYOUTS = ['Mon Jan _2 15:04:05 2006', 'Mon Jan _2 15:04:05 MST 2006', 'Mon Jan 02 15:04:05 -0700 2006',
  '3:04PM', '2006-01-02T15:04:05Z07:00', '2006-01-02T15:04:05.999999999Z07:00', '2006-01-02', '2006-01-02 15:04',
  '2006-01-02 15:04:05', '2006-01-02 15:04:05-07:00', '2006-01-02T15Z0700', '2006-01-02T15:04Z0700',
  '2006-01-02T15:04:05Z0700', '2006-01-02T15:04:05.999999999Z0700'];

function tryParseTime(text: string): GoTime | undefined {
  for (const layout of TIME_LAYOUTS) {
    try {
      return parseGoTime(text, layout);
    } catch {
      // not this layout
    }
  }
  return undefined;
}

const isDigit = (c: string): boolean => /^\p{Nd}$/u.test(c);
const isLetter = (c: string): boolean => /^\p{L}$/u.test(c);
const isNumeric = (c: string): boolean => isDigit(c) || c === '.';
const isQuote = (c: string): boolean => c === "'" || c === '"';
const isVariableName = (c: string): boolean => isLetter(c) || isDigit(c) || c === '_' || c === '.';
const isSymbol = (c: string): boolean => !(isDigit(c) || isLetter(c) || c === '(' || c === ')' || c === '[' || c === ']' || isQuote(c));

/** Splits a condition into govaluate tokens and checks their order; throws ExpressionError as govaluate errors. */
export function tokenizeGovaluate(source: string): GovaluateToken[] {
  const chars = [...source];
  let position = 0;
  const error = (reason: string): never => {
    throw new ExpressionError(reason, source);
  };
  // govaluate's readUntilFalse: backslash escapes anything; whitespace either ends the token or is kept.
  const readWhile = (condition: (c: string) => boolean, keepWhitespace: boolean): { text: string; completed: boolean } => {
    let text = '';
    while (position < chars.length) {
      let char = chars[position++] ?? '';
      if (char === '\\') {
        char = chars[position++] ?? '';
        text += char;
        continue;
      }
      if (isGoSpace(char) && !keepWhitespace) {
        if (text.length > 0) return { text, completed: true };
        continue;
      }
      if (!condition(char)) {
        position -= 1;
        return { text, completed: true };
      }
      text += char;
    }
    return { text, completed: false };
  };
  const tokens: GovaluateToken[] = [];
  let state: GovaluateKind = 'UNKNOWN';
  while (position < chars.length) {
    const char = chars[position++] ?? '';
    if (isGoSpace(char)) continue;
    let token: GovaluateToken;
    if (isNumeric(char)) {
      if (char === '0' && position < chars.length && chars[position] === 'x' && position + 1 < chars.length) {
        position += 1;
        const hex = readWhile((c) => /^[0-9a-fA-F]$/.test(c), false).text;
        if (!/^[0-9a-fA-F]+$/.test(hex)) error(`Unable to parse hex value '${hex}' to uint64\n`);
        token = { kind: 'NUMERIC', value: Number(BigInt(`0x${hex}`)) };
      } else {
        position -= 1;
        const text = readWhile(isNumeric, false).text;
        const value = Number(text);
        if (!/^(\d+\.?\d*|\.\d+)$/.test(text) || Number.isNaN(value)) error(`Unable to parse numeric value '${text}' to float64\n`);
        token = { kind: 'NUMERIC', value };
      }
    } else if (char === ',') {
      token = { kind: 'SEPARATOR', value: ',' };
    } else if (char === '[') {
      const { text, completed } = readWhile((c) => c !== ']', true);
      if (!completed) error('Unclosed parameter bracket');
      position += 1;
      token = { kind: 'VARIABLE', value: text };
    } else if (isLetter(char)) {
      position -= 1;
      const text = readWhile(isVariableName, false).text;
      token = { kind: 'VARIABLE', value: text };
      if (text === 'true' || text === 'false') token = { kind: 'BOOLEAN', value: text === 'true' };
      if (text === 'in' || text === 'IN') token = { kind: 'COMPARATOR', value: 'in' };
      if (text.indexOf('.') > 0) {
        if (text.endsWith('.')) error(`Hanging accessor on token '${text}'`);
        const parts = text.split('.');
        for (const part of parts.slice(1)) {
          const first = [...part][0] ?? '';
          if (first.toUpperCase() !== first) error(`Unable to access unexported field '${part}' in token '${text}'`);
        }
        token = { kind: 'ACCESSOR', value: parts };
      }
    } else if (isQuote(char)) {
      const { text, completed } = readWhile((c) => !isQuote(c), true);
      if (!completed) error('Unclosed string literal');
      position += 1;
      const time = tryParseTime(text);
      token = time === undefined ? { kind: 'STRING', value: text }
        : { kind: 'TIME', value: Number(unixSeconds(time)), display: formatGoValue(time) };
    } else if (char === '(') {
      token = { kind: 'CLAUSE', value: '(', display: '40' }; // Go keeps the rune, and prints its code
    } else if (char === ')') {
      token = { kind: 'CLAUSE_CLOSE', value: ')', display: '41' };
    } else {
      position -= 1;
      const symbol = readWhile(isSymbol, false).text;
      if (STATES[state].next.includes('PREFIX') && PREFIXES.has(symbol)) token = { kind: 'PREFIX', value: symbol };
      else if (MODIFIERS.has(symbol)) token = { kind: 'MODIFIER', value: symbol };
      else if (LOGICAL.has(symbol)) token = { kind: 'LOGICALOP', value: symbol };
      else if (COMPARATORS.has(symbol)) token = { kind: 'COMPARATOR', value: symbol };
      else if (TERNARIES.has(symbol)) token = { kind: 'TERNARY', value: symbol };
      else return error(`Invalid token: '${symbol}'`);
    }
    tokens.push(token);
    state = token.kind;
  }
  checkBalance(tokens, source);
  return tokens;
}

function checkBalance(tokens: readonly GovaluateToken[], source: string): void {
  const depth = tokens.reduce((sum, t) => sum + (t.kind === 'CLAUSE' ? 1 : t.kind === 'CLAUSE_CLOSE' ? -1 : 0), 0);
  if (depth !== 0) throw new ExpressionError('Unbalanced parenthesis', source);
}

function describe(token: GovaluateToken | undefined): string {
  if (token === undefined) return '<nil>';
  if (token.display !== undefined) return token.display;
  const value = token.value;
  if (value instanceof RegExp) return value.source;
  if (Array.isArray(value)) return `[${value.join(' ')}]`;
  return typeof value === 'number' ? formatGoValue(value) : String(value);
}

/**
 * govaluate's checks after lexing (NewEvaluableExpressionFromTokens): balanced parentheses, allowed token order,
 * then regex literals on the right of =~ and !~ compiled into patterns. Returns the optimised tokens.
 */
export function checkGovaluateTokens(tokens: readonly GovaluateToken[], source: string): GovaluateToken[] {
  checkBalance(tokens, source);
  let state: GovaluateKind = 'UNKNOWN';
  let last: GovaluateToken | undefined;
  for (const token of tokens) {
    if (!STATES[state].next.includes(token.kind)) {
      if (last?.kind === 'VARIABLE' && token.kind === 'CLAUSE') throw new ExpressionError(`Undefined function ${describe(last)}`, source);
      throw new ExpressionError(`Cannot transition token types from ${state} [${describe(last)}] to ${token.kind} [${describe(token)}]`, source);
    }
    state = token.kind;
    last = token;
  }
  if (!STATES[state].canEnd) throw new ExpressionError('Unexpected end of expression', source);
  return tokens.map((token, i) => {
    const before = tokens[i - 1];
    if (token.kind === 'STRING' && before?.kind === 'COMPARATOR' && (before.value === '=~' || before.value === '!~')) {
      try {
        return { kind: 'PATTERN', value: compileGoRegexp(String(token.value)) };
      } catch (error) {
        throw new ExpressionError(error instanceof ExpressionError ? error.reason : String(error), source);
      }
    }
    return token;
  });
}
