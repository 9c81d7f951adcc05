import { ExpressionError } from './expression-error';
import { formatGoValue } from './format-go-value';
import { compileGoRegexp } from './go-regexp';
import type { GovaluateToken } from './govaluate-tokenize';

// govaluate's stage planner and evaluator (stagePlanner.go, evaluationStage.go), ported closely: it parses each
// precedence level right-recursively and then mirrors runs of equal precedence to make them left-associative, and
// its ternary is two operators (`a ? b` yields b or nil, `x : c` yields x unless nil). Values are float64 numbers,
// strings, booleans, regexps, nil, and arrays built by `,` for `in (a, b)`.

/** A value inside govaluate. */
export type GovaluateValue = number | string | boolean | RegExp | null | GovaluateValue[];

type StageSymbol = 'VALUE' | 'LITERAL' | 'NOOP' | 'EQ' | 'NEQ' | 'GT' | 'LT' | 'GTE' | 'LTE' | 'REQ' | 'NREQ' | 'IN' | 'AND'
  | 'OR' | 'PLUS' | 'MINUS' | 'BITWISE_AND' | 'BITWISE_OR' | 'BITWISE_XOR' | 'BITWISE_LSHIFT' | 'BITWISE_RSHIFT'
  | 'MULTIPLY' | 'DIVIDE' | 'MODULUS' | 'EXPONENT' | 'NEGATE' | 'INVERT' | 'BITWISE_NOT' | 'TERNARY_TRUE'
  | 'TERNARY_FALSE' | 'COALESCE' | 'ACCESS' | 'SEPARATE';

interface Stage {
  symbol: StageSymbol;
  left?: Stage;
  right?: Stage;
  literal?: GovaluateValue;
  parameter?: string;
}

const SYMBOL_TEXT: Partial<Record<StageSymbol, string>> = {
  EQ: '=', NEQ: '!=', GT: '>', LT: '<', GTE: '>=', LTE: '<=', REQ: '=~', NREQ: '!~', AND: '&&', OR: '||', IN: 'in',
  BITWISE_AND: '&', BITWISE_OR: '|', BITWISE_XOR: '^', BITWISE_LSHIFT: '<<', BITWISE_RSHIFT: '>>', PLUS: '+', MINUS: '-',
  MULTIPLY: '*', DIVIDE: '/', MODULUS: '%', EXPONENT: '**', NEGATE: '-', INVERT: '!', BITWISE_NOT: '~', TERNARY_TRUE: '?',
  TERNARY_FALSE: ':', COALESCE: '??', NOOP: 'NOOP', VALUE: 'VALUE',
};

const LEVELS: Array<{ symbols: Record<string, StageSymbol>; kinds: string[]; format: string }> = [
  { symbols: { ',': 'SEPARATE' }, kinds: ['SEPARATOR'], format: '' },
  { symbols: { '?': 'TERNARY_TRUE', ':': 'TERNARY_FALSE', '??': 'COALESCE' }, kinds: ['TERNARY'], format: "Value '%v' cannot be used with the ternary operator '%v', it is not a bool" },
  { symbols: { '||': 'OR' }, kinds: ['LOGICALOP'], format: "Value '%v' cannot be used with the logical operator '%v', it is not a bool" },
  { symbols: { '&&': 'AND' }, kinds: ['LOGICALOP'], format: "Value '%v' cannot be used with the logical operator '%v', it is not a bool" },
  { symbols: { '==': 'EQ', '!=': 'NEQ', '>': 'GT', '>=': 'GTE', '<': 'LT', '<=': 'LTE', '=~': 'REQ', '!~': 'NREQ', in: 'IN' }, kinds: ['COMPARATOR'], format: "Value '%v' cannot be used with the comparator '%v', it is not a number" },
  { symbols: { '^': 'BITWISE_XOR', '&': 'BITWISE_AND', '|': 'BITWISE_OR' }, kinds: ['MODIFIER'], format: "Value '%v' cannot be used with the modifier '%v', it is not a number" },
  { symbols: { '>>': 'BITWISE_RSHIFT', '<<': 'BITWISE_LSHIFT' }, kinds: ['MODIFIER'], format: "Value '%v' cannot be used with the modifier '%v', it is not a number" },
  { symbols: { '+': 'PLUS', '-': 'MINUS' }, kinds: ['MODIFIER'], format: "Value '%v' cannot be used with the modifier '%v', it is not a number" },
  { symbols: { '*': 'MULTIPLY', '/': 'DIVIDE', '%': 'MODULUS' }, kinds: ['MODIFIER'], format: "Value '%v' cannot be used with the modifier '%v', it is not a number" },
  { symbols: { '**': 'EXPONENT' }, kinds: ['MODIFIER'], format: "Value '%v' cannot be used with the modifier '%v', it is not a number" },
];

const PREFIX_LEVEL = { symbols: { '-': 'NEGATE', '!': 'INVERT', '~': 'BITWISE_NOT' } as Record<string, StageSymbol>, kinds: ['PREFIX'] };

function precedence(symbol: StageSymbol): number {
  switch (symbol) {
    case 'NOOP': return 0;
    case 'ACCESS': return 2;
    case 'NEGATE': case 'INVERT': case 'BITWISE_NOT': return 3;
    case 'EXPONENT': return 4;
    case 'PLUS': case 'MINUS': return 5;
    case 'BITWISE_AND': case 'BITWISE_OR': case 'BITWISE_XOR': return 6;
    case 'BITWISE_LSHIFT': case 'BITWISE_RSHIFT': return 7;
    case 'MULTIPLY': case 'DIVIDE': case 'MODULUS': return 8;
    case 'EQ': case 'NEQ': case 'GT': case 'LT': case 'GTE': case 'LTE': case 'REQ': case 'NREQ': case 'IN': return 9;
    case 'COALESCE': case 'TERNARY_TRUE': case 'TERNARY_FALSE': return 10;
    case 'AND': return 11;
    case 'OR': return 12;
    case 'SEPARATE': return 13;
    default: return 1; // values and literals
  }
}

class TokenStream {
  index = 0;
  constructor(readonly tokens: readonly GovaluateToken[]) {}
  hasNext(): boolean {
    return this.index < this.tokens.length;
  }
  next(): GovaluateToken {
    return this.tokens[this.index++] ?? { kind: 'UNKNOWN', value: '' };
  }
  rewind(): void {
    this.index -= 1;
  }
}

/** Plans tokens into a stage tree, exactly as govaluate's planStages does (including its reordering). */
export function planGovaluate(tokens: readonly GovaluateToken[]): Stage | undefined {
  const stream = new TokenStream(tokens);
  if (!stream.hasNext()) return undefined;
  const stage = planLevel(stream, 0);
  if (stage) reorder(stage);
  return stage;
}

// planPrecedenceLevel: left from the next tighter level, then (once) an operator of this level and a right side
// parsed at this same level; the stream is rewound one token on the way out, as govaluate does.
function planLevel(stream: TokenStream, level: number): Stage | undefined {
  const spec = LEVELS[level];
  if (!spec) return planValue(stream);
  const left = level + 1 < LEVELS.length ? planLevel(stream, level + 1) : planValue(stream);
  while (stream.hasNext()) {
    const token = stream.next();
    if (!spec.kinds.includes(token.kind) || typeof token.value !== 'string') break;
    const symbol = spec.symbols[token.value];
    if (!symbol || !Object.hasOwn(spec.symbols, token.value)) break;
    const right = planLevel(stream, level);
    return { symbol, left, right };
  }
  stream.rewind();
  return left;
}

function planPrefix(stream: TokenStream): Stage | undefined {
  while (stream.hasNext()) {
    const token = stream.next();
    const symbol = typeof token.value === 'string' ? PREFIX_LEVEL.symbols[token.value] : undefined;
    if (token.kind !== 'PREFIX' || !symbol) break;
    return { symbol, right: planValue(stream) };
  }
  stream.rewind();
  return undefined;
}

function planValue(stream: TokenStream): Stage | undefined {
  if (!stream.hasNext()) return undefined;
  const token = stream.next();
  switch (token.kind) {
    case 'ACCESSOR': {
      const parts = token.value as string[];
      // Accessors read fields of Go structs from the parameters; Argo passes none, so evaluation fails.
      if (stream.hasNext()) {
        const following = stream.next();
        stream.rewind();
        if (following.kind === 'CLAUSE') planLevel(stream, 0);
      }
      return { symbol: 'ACCESS', parameter: parts.join('.') };
    }
    case 'CLAUSE': {
      const inner = planLevel(stream, 0);
      stream.next(); // the closing parenthesis; balance was checked already
      return { symbol: 'NOOP', right: inner };
    }
    case 'CLAUSE_CLOSE':
      stream.rewind();
      return undefined;
    case 'VARIABLE': return { symbol: 'VALUE', parameter: String(token.value) };
    case 'NUMERIC': case 'STRING': case 'PATTERN': case 'BOOLEAN': case 'TIME':
      return { symbol: 'LITERAL', literal: token.value as GovaluateValue };
    case 'PREFIX':
      stream.rewind();
      return planPrefix(stream);
    default:
      throw new ExpressionError(`Unable to plan token kind: '${token.kind}', value: '${String(token.value)}'`);
  }
}

// reorderStages: walk down right children; a run of two or more stages with equal precedence gets mirrored.
function reorder(root: Stage): void {
  let run: Stage[] = [];
  let current: Stage | undefined = root;
  let level = precedence(root.symbol);
  while (current) {
    const stage: Stage = current;
    current = stage.right;
    if (stage.left) reorder(stage.left);
    const stageLevel = precedence(stage.symbol);
    if (stageLevel === level) {
      run.push(stage);
      continue;
    }
    if (run.length > 1) mirror(run);
    run = [stage];
    level = stageLevel;
  }
  if (run.length > 1) mirror(run);
}

function swap(a: Stage, b: Stage): void {
  const { symbol, literal, parameter } = a;
  a.symbol = b.symbol;
  a.literal = b.literal;
  a.parameter = b.parameter;
  b.symbol = symbol;
  b.literal = literal;
  b.parameter = parameter;
}

// mirrorStageSubtree, step for step.
function mirror(stages: Stage[]): void {
  const count = stages.length;
  for (const stage of stages) [stage.left, stage.right] = [stage.right, stage.left];
  const root = stages[0] as Stage;
  const end = stages[count - 1] as Stage;
  [end.left, root.right] = [root.right, end.left];
  for (let i = 0; i < Math.floor((count - 2) / 2) + 1; i++) {
    const front = stages[i + 1] as Stage;
    const inverse = stages[count - i - 1] as Stage;
    [front.right, inverse.right] = [inverse.right, front.right];
  }
  for (let i = 0; i < Math.floor(count / 2); i++) swap(stages[i] as Stage, stages[count - i - 1] as Stage);
}

function format(template: string, value: GovaluateValue | undefined, symbol: StageSymbol): string {
  return template.replace('%v', describe(value)).replace('%v', SYMBOL_TEXT[symbol] ?? symbol);
}

function describe(value: GovaluateValue | undefined): string {
  if (value === undefined || value === null) return '<nil>';
  if (value instanceof RegExp) return value.source;
  if (Array.isArray(value)) return `[${value.map(describe).join(' ')}]`;
  return typeof value === 'number' ? formatGoValue(value) : String(value);
}

const isNumber = (v: GovaluateValue | undefined): v is number => typeof v === 'number';
const isString = (v: GovaluateValue | undefined): v is string => typeof v === 'string';
const isBool = (v: GovaluateValue | undefined): v is boolean => typeof v === 'boolean';

function formatOf(symbol: StageSymbol): string {
  return LEVELS.find((level) => Object.values(level.symbols).includes(symbol))?.format ?? "Value '%v' cannot be used with the prefix '%v'";
}

// govaluate's type checks: each operator accepts certain types on each side, else the level's error message.
function checkTypes(symbol: StageSymbol, left: GovaluateValue | undefined, right: GovaluateValue | undefined): void {
  const fail = (value: GovaluateValue | undefined): never => {
    throw new ExpressionError(format(formatOf(symbol), value, symbol));
  };
  switch (symbol) {
    case 'GT': case 'LT': case 'GTE': case 'LTE':
      if (!((isNumber(left) && isNumber(right)) || (isString(left) && isString(right)))) fail(left);
      return;
    case 'REQ': case 'NREQ':
      if (!isString(left)) fail(left);
      if (!isString(right) && !(right instanceof RegExp)) fail(right);
      return;
    case 'AND': case 'OR':
      if (!isBool(left)) fail(left);
      if (!isBool(right)) fail(right);
      return;
    case 'IN':
      if (!Array.isArray(right)) fail(right);
      return;
    case 'PLUS':
      if (!(isNumber(left) && isNumber(right)) && !isString(left) && !isString(right)) fail(left);
      return;
    case 'MINUS': case 'MULTIPLY': case 'DIVIDE': case 'MODULUS': case 'EXPONENT': case 'BITWISE_AND': case 'BITWISE_OR':
    case 'BITWISE_XOR': case 'BITWISE_LSHIFT': case 'BITWISE_RSHIFT':
      if (!isNumber(left)) fail(left);
      if (!isNumber(right)) fail(right);
      return;
    case 'NEGATE': case 'BITWISE_NOT':
      if (!isNumber(right)) fail(right);
      return;
    case 'INVERT':
      if (!isBool(right)) fail(right);
      return;
    case 'TERNARY_TRUE':
      if (!isBool(left)) fail(left);
      return;
    default:
  }
}

// reflect.DeepEqual on govaluate's values.
function deepEqual(a: GovaluateValue | undefined, b: GovaluateValue | undefined): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (a instanceof RegExp || b instanceof RegExp) return a === b;
  return (a ?? null) === (b ?? null);
}

const toInt64 = (x: number): bigint => BigInt.asIntN(64, BigInt(Math.trunc(Number.isFinite(x) ? x : 0)));

function operate(symbol: StageSymbol, left: GovaluateValue | undefined, right: GovaluateValue | undefined): GovaluateValue {
  const l = left as number;
  const r = right as number;
  switch (symbol) {
    case 'NOOP': return right ?? null;
    case 'EQ': return deepEqual(left, right);
    case 'NEQ': return !deepEqual(left, right);
    case 'GT': return isString(left) ? left > (right as string) : l > r;
    case 'LT': return isString(left) ? left < (right as string) : l < r;
    case 'GTE': return isString(left) ? left >= (right as string) : l >= r;
    case 'LTE': return isString(left) ? left <= (right as string) : l <= r;
    case 'REQ': case 'NREQ': {
      const pattern = right instanceof RegExp ? right : compileGoRegexp(right as string);
      pattern.lastIndex = 0;
      const matched = pattern.test(left as string);
      return symbol === 'REQ' ? matched : !matched;
    }
    case 'AND': return (left as boolean) && (right as boolean);
    case 'OR': return (left as boolean) || (right as boolean);
    case 'IN': return (right as GovaluateValue[]).some((item) => !Array.isArray(item) && item === left);
    case 'PLUS': return isString(left) || isString(right) ? describe(left) + describe(right) : l + r;
    case 'MINUS': return l - r;
    case 'MULTIPLY': return l * r;
    case 'DIVIDE': return l / r;
    case 'MODULUS': return l % r;
    case 'EXPONENT': return l ** r;
    case 'BITWISE_AND': return Number(BigInt.asIntN(64, toInt64(l) & toInt64(r)));
    case 'BITWISE_OR': return Number(BigInt.asIntN(64, toInt64(l) | toInt64(r)));
    case 'BITWISE_XOR': return Number(BigInt.asIntN(64, toInt64(l) ^ toInt64(r)));
    case 'BITWISE_LSHIFT': case 'BITWISE_RSHIFT': {
      // Go shifts uint64(left) by uint64(right); shifting by 64 or more leaves 0.
      const shift = BigInt.asUintN(64, toInt64(r));
      if (shift >= 64n) return 0;
      const bits = BigInt.asUintN(64, toInt64(l));
      return Number(symbol === 'BITWISE_LSHIFT' ? BigInt.asUintN(64, bits << shift) : bits >> shift);
    }
    case 'NEGATE': return -r;
    case 'INVERT': return !(right as boolean);
    case 'BITWISE_NOT': return Number(~toInt64(r));
    case 'TERNARY_TRUE': return left ? (right ?? null) : null;
    case 'TERNARY_FALSE': case 'COALESCE': return left !== null && left !== undefined ? left : (right ?? null);
    case 'SEPARATE': return Array.isArray(left) ? [...left, right ?? null] : [left ?? null, right ?? null];
    default: return null;
  }
}

const SKIP = Symbol('short-circuit');

/** Evaluates a planned stage tree with no parameters, as Argo's `expression.Evaluate(nil)` does. */
export function evaluateGovaluate(stage: Stage | undefined): GovaluateValue {
  if (!stage) return null;
  if (stage.symbol === 'LITERAL') return stage.literal ?? null;
  if (stage.symbol === 'VALUE' || stage.symbol === 'ACCESS') {
    throw new ExpressionError(`No parameter '${(stage.parameter ?? '').split('.')[0]}' found.`);
  }
  const left = stage.left ? evaluateGovaluate(stage.left) : undefined;
  let right: GovaluateValue | undefined | typeof SKIP;
  switch (stage.symbol) {
    case 'AND': if (left === false) return false; break;
    case 'OR': if (left === true) return true; break;
    case 'COALESCE': if (left !== null && left !== undefined) return left; break;
    case 'TERNARY_TRUE': if (left === false) right = SKIP; break;
    case 'TERNARY_FALSE': if (left !== null && left !== undefined) right = SKIP; break;
    default:
  }
  if (right !== SKIP && stage.right) right = evaluateGovaluate(stage.right);
  const rightValue = right === SKIP ? undefined : right;
  checkTypes(stage.symbol, left, rightValue);
  return operate(stage.symbol, left, rightValue);
}
