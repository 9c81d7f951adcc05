// expr-lang's operator table (parser/operator) and the builtins the parser treats specially (builtin/builtin.go).

/** An operator's binding power; `**` and `^` associate to the right. */
export interface Operator {
  precedence: number;
  rightAssociative?: boolean;
}

/** Prefix operators: `not` and `!` bind looser than `==`'s operands (`!a == b` is `(!a) == b`), `-` tighter than `*`. */
export const UNARY: Record<string, Operator> = { not: { precedence: 50 }, '!': { precedence: 50 }, '-': { precedence: 90 }, '+': { precedence: 90 } };

/** Infix operators by binding power; `??` binds tightest of all. */
export const BINARY: Record<string, Operator> = {
  '|': { precedence: 0 }, or: { precedence: 10 }, '||': { precedence: 10 }, and: { precedence: 15 }, '&&': { precedence: 15 },
  '==': { precedence: 20 }, '!=': { precedence: 20 }, '<': { precedence: 20 }, '>': { precedence: 20 },
  '>=': { precedence: 20 }, '<=': { precedence: 20 }, in: { precedence: 20 }, matches: { precedence: 20 },
  contains: { precedence: 20 }, startsWith: { precedence: 20 }, endsWith: { precedence: 20 }, '..': { precedence: 25 },
  '+': { precedence: 30 }, '-': { precedence: 30 }, '*': { precedence: 60 }, '/': { precedence: 60 }, '%': { precedence: 60 },
  '**': { precedence: 100, rightAssociative: true }, '^': { precedence: 100, rightAssociative: true }, '??': { precedence: 500 },
};

/** Operators that may follow `not`, as in `a not in b`. */
export const NEGATABLE = new Set(['contains', 'matches', 'startsWith', 'endsWith', 'in']);
/** Comparisons chain: `1 < 2 < 3` means `1 < 2 && 2 < 3`. */
export const COMPARISONS = new Set(['<', '>', '>=', '<=']);

/** How a predicate builtin parses each argument. */
export type ArgKind = 'expr' | 'predicate' | 'optional-expr' | 'optional-predicate';

/** The builtins whose arguments include a predicate (closure over `#`). */
export const PREDICATE_BUILTINS: Record<string, ArgKind[]> = {
  all: ['expr', 'predicate'], none: ['expr', 'predicate'], any: ['expr', 'predicate'], one: ['expr', 'predicate'],
  filter: ['expr', 'predicate'], map: ['expr', 'predicate'], count: ['expr', 'optional-predicate'],
  sum: ['expr', 'optional-predicate'], find: ['expr', 'predicate'], findIndex: ['expr', 'predicate'],
  findLast: ['expr', 'predicate'], findLastIndex: ['expr', 'predicate'], groupBy: ['expr', 'predicate'],
  sortBy: ['expr', 'predicate', 'optional-expr'], reduce: ['expr', 'predicate', 'optional-expr'],
};

/** The names expr-lang resolves to builtin functions when called: a builtin wins over an environment entry. */
export const BUILTIN_NAMES = new Set([
  ...Object.keys(PREDICATE_BUILTINS), 'len', 'type', 'abs', 'ceil', 'floor', 'round', 'int', 'float', 'string', 'trim',
  'trimPrefix', 'trimSuffix', 'upper', 'lower', 'split', 'splitAfter', 'replace', 'repeat', 'join', 'indexOf',
  'lastIndexOf', 'hasPrefix', 'hasSuffix', 'max', 'min', 'mean', 'median', 'toJSON', 'fromJSON', 'toBase64',
  'fromBase64', 'now', 'duration', 'date', 'timezone', 'first', 'last', 'get', 'take', 'keys', 'values', 'toPairs',
  'fromPairs', 'reverse', 'uniq', 'concat', 'flatten', 'sort', 'bitand', 'bitor', 'bitxor', 'bitnand', 'bitshl',
  'bitshr', 'bitushr', 'bitnot',
]);
