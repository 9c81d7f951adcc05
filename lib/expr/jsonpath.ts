import { fail, ExpressionError } from './expression-error';
import { compileGoRegexp } from './go-regexp';
import { isNil, isValueMap } from './value';
import type { Value } from './value';

// Argo's `jsonpath(json, path)` uses github.com/evilmonkeyinc/jsonpath. This follows its model: a path is a chain of
// tokens; key and index tokens select one value (or fail), while wildcard, union, range, filter and recursive
// tokens produce a list, applying the rest of the path to each element and dropping the ones that fail or are nil.

type Selector =
  | { kind: 'key'; key: string }
  | { kind: 'index'; index: number }
  | { kind: 'length' }
  | { kind: 'wildcard' }
  | { kind: 'keys'; keys: string[] }
  | { kind: 'indexes'; indexes: number[] }
  | { kind: 'range'; from?: number; to?: number; step?: number }
  | { kind: 'filter'; expression: string }
  | { kind: 'recursive' };

/** Runs a JSONPath query (`$.a[0].b`, `$..name`, `$.items[?(@.age > 42)].name`) against a value. */
export function queryJsonPath(path: string, root: Value): Value {
  const selectors = parsePath(path);
  return apply(selectors, root, root);
}

function parsePath(path: string): Selector[] {
  const trimmed = path.trim();
  const invalid: (at: number) => never = (at) => fail(`invalid JSONPath selector '${path}' unexpected token '${trimmed[at] ?? ''}' at index ${at}`);
  if (trimmed[0] !== '$' && trimmed[0] !== '@') invalid(0);
  const selectors: Selector[] = [];
  let i = 1;
  while (i < trimmed.length) {
    if (trimmed.startsWith('..', i)) {
      selectors.push({ kind: 'recursive' });
      i += 2;
      if (trimmed[i] === '[') continue;
      const name = /^(\*|[^.[\s]+)/.exec(trimmed.slice(i));
      if (!name) invalid(i);
      selectors.push(name[1] === '*' ? { kind: 'wildcard' } : { kind: 'key', key: name[1] ?? '' });
      i += name[0].length;
    } else if (trimmed[i] === '.') {
      const name = /^(\*|[^.[\s]+)/.exec(trimmed.slice(i + 1));
      if (!name) invalid(i);
      const key = name[1] ?? '';
      selectors.push(key === '*' ? { kind: 'wildcard' } : key === 'length' ? { kind: 'length' } : { kind: 'key', key });
      i += 1 + name[0].length;
    } else if (trimmed[i] === '[') {
      const end = findClosingBracket(trimmed, i);
      if (end < 0) invalid(i);
      selectors.push(parseSubscript(trimmed.slice(i + 1, end).trim(), () => invalid(i)));
      i = end + 1;
    } else invalid(i);
  }
  return selectors;
}

function findClosingBracket(text: string, start: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === '\\') i += 1;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '[' || char === '(') depth += 1;
    else if (char === ']' || char === ')') {
      depth -= 1;
      if (depth === 0 && char === ']') return i;
    }
  }
  return -1;
}

function parseSubscript(body: string, invalid: () => never): Selector {
  if (body === '*') return { kind: 'wildcard' };
  if (body.startsWith('?(') && body.endsWith(')')) return { kind: 'filter', expression: body.slice(2, -1) };
  const parts = splitTopLevel(body, ',').map((part) => part.trim());
  if (parts.every((part) => /^(['"]).*\1$/s.test(part))) {
    const keys = parts.map((part) => part.slice(1, -1).replace(/\\(.)/g, '$1'));
    return keys.length === 1 ? { kind: 'key', key: keys[0] ?? '' } : { kind: 'keys', keys };
  }
  if (parts.length > 1 && parts.every((part) => /^-?\d+$/.test(part))) return { kind: 'indexes', indexes: parts.map(Number) };
  const range = /^(-?\d*)\s*:\s*(-?\d*)\s*(?::\s*(-?\d*))?$/.exec(body);
  if (range) {
    const number = (text: string | undefined): number | undefined => (text === undefined || text === '' ? undefined : Number(text));
    return { kind: 'range', from: number(range[1]), to: number(range[2]), step: number(range[3]) };
  }
  if (/^-?\d+$/.test(body)) return { kind: 'index', index: Number(body) };
  return invalid();
}

function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === '\\') i += 1;
      else if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === separator) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

// Sorted keys, as the library walks maps.
function childrenOf(value: Value): Value[] | undefined {
  if (Array.isArray(value)) return value;
  if (isValueMap(value)) return Object.keys(value).sort().map((key) => value[key] ?? null);
  return undefined;
}

function apply(selectors: readonly Selector[], current: Value, root: Value): Value {
  const [selector, ...rest] = selectors;
  if (!selector) return current;
  const next = (value: Value): Value => apply(rest, value, root);
  // Collection selectors apply the rest of the path to each element, keeping only elements that resolve to non-nil.
  const each = (elements: Value[]): Value[] => {
    const out: Value[] = [];
    for (const element of elements) {
      try {
        const result = next(element);
        if (!isNil(result)) out.push(result);
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
      }
    }
    return out;
  };
  switch (selector.kind) {
    case 'key': {
      if (!isValueMap(current)) return fail(`key: invalid token target. expected [map] got [${kindOf(current)}]`);
      if (!Object.hasOwn(current, selector.key)) return fail(`key: invalid token key '${selector.key}' not found`);
      return next(current[selector.key] ?? null);
    }
    case 'index': {
      if (!Array.isArray(current)) return fail(`index: invalid token target. expected [array slice] got [${kindOf(current)}]`);
      const index = selector.index < 0 ? current.length + selector.index : selector.index;
      if (index < 0 || index >= current.length) return fail('index: invalid token out of range');
      return next(current[index] ?? null);
    }
    case 'length': {
      if (isValueMap(current) && Object.hasOwn(current, 'length')) return next(current.length ?? null);
      if (typeof current === 'string') return next(BigInt([...current].length));
      const children = childrenOf(current);
      if (!children) return fail(`length: invalid token target. expected [array map slice string] got [${kindOf(current)}]`);
      return next(BigInt(children.length));
    }
    case 'wildcard': {
      const children = childrenOf(current);
      if (!children) return fail(`wildcard: invalid token target. expected [array map slice] got [${kindOf(current)}]`);
      return each(children);
    }
    case 'keys': {
      if (!isValueMap(current)) return fail(`union: invalid token target. expected [map] got [${kindOf(current)}]`);
      return each(selector.keys.map((key) => {
        if (!Object.hasOwn(current, key)) return fail(`union: invalid token key '${key}' not found`);
        return current[key] ?? null;
      }));
    }
    case 'indexes': {
      if (!Array.isArray(current)) return fail(`union: invalid token target. expected [array slice] got [${kindOf(current)}]`);
      return each(selector.indexes.map((i) => {
        const index = i < 0 ? current.length + i : i;
        if (index < 0 || index >= current.length) return fail('union: invalid token out of range');
        return current[index] ?? null;
      }));
    }
    case 'range': {
      if (!Array.isArray(current)) return fail(`range: invalid token target. expected [array slice] got [${kindOf(current)}]`);
      const length = current.length;
      const clamp = (value: number | undefined, fallback: number): number => {
        if (value === undefined) return fallback;
        const adjusted = value < 0 ? length + value : value;
        return Math.min(Math.max(adjusted, 0), length);
      };
      const from = clamp(selector.from, 0);
      const to = clamp(selector.to, length);
      const step = selector.step ?? 1;
      if (step === 0) return fail('range: invalid token out of range');
      const picked: Value[] = [];
      if (step > 0) for (let i = from; i < to; i += step) picked.push(current[i] ?? null);
      else for (let i = to - 1; i >= from; i += step) picked.push(current[i] ?? null);
      // An index right after a range indexes the range's result, as the library does.
      return rest[0]?.kind === 'index' ? apply(rest, picked, root) : each(picked);
    }
    case 'filter': {
      const children = childrenOf(current);
      if (!children) return fail(`filter: invalid token target. expected [array map slice] got [${kindOf(current)}]`);
      const kept = children.filter((child) => isTruthy(safely(() => evaluateFilter(selector.expression, child, root))));
      return rest[0]?.kind === 'index' ? apply(rest, kept, root) : each(kept);
    }
    case 'recursive': return recurse(rest, current, root);
  }
}

function recurse(rest: readonly Selector[], current: Value, root: Value): Value[] {
  const out: Value[] = [];
  if (isNil(current)) return out;
  if (rest.length > 0) {
    const result = safely(() => apply(rest, current, root));
    if (Array.isArray(result)) out.push(...result);
    else if (!isNil(result)) out.push(result);
  } else out.push(current);
  for (const child of childrenOf(current) ?? []) out.push(...recurse(rest, child, root));
  return out;
}

function safely(body: () => Value): Value {
  try {
    return body();
  } catch (error) {
    if (error instanceof ExpressionError) return null;
    throw error;
  }
}

function kindOf(value: Value): string {
  if (isNil(value)) return 'invalid';
  if (Array.isArray(value)) return 'slice';
  if (isValueMap(value)) return 'map';
  return typeof value === 'number' ? 'float64' : typeof value === 'bigint' ? 'int' : typeof value;
}

// A filter keeps an element when the expression is true, or any non-empty, non-zero value.
function isTruthy(value: Value): boolean {
  if (isNil(value)) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value !== '';
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'bigint') return value !== 0n;
  const children = childrenOf(value);
  return children ? children.length > 0 : true;
}

// Filter expressions: || && ! == != < <= > >= =~ in, + - * / %, literals, @-paths and $-paths, parentheses.
function evaluateFilter(expression: string, current: Value, root: Value): Value {
  const tokens = expression.match(/'(?:\\.|[^'])*'|"(?:\\.|[^"])*"|[@$](?:\.\.?[^\s.[()=!<>&|+\-*/%]+|\[[^\]]*\]|\.\.?\*)*|\d+(?:\.\d+)?|\|\||&&|==|!=|<=|>=|=~|not in|[<>!()+\-*/%,[\]]|\w+|\S/g) ?? [];
  let position = 0;
  const peek = (): string | undefined => tokens[position];
  const take = (): string => tokens[position++] ?? fail(`invalid filter expression '${expression}'`);
  const binaryLevel = (operators: string[], nextLevel: () => Value, combine: (op: string, a: Value, b: Value) => Value) => (): Value => {
    let left = nextLevel();
    while (operators.includes(peek() ?? '')) {
      const op = take();
      left = combine(op, left, nextLevel());
    }
    return left;
  };
  const numeric = (a: Value, b: Value): [number, number] | undefined =>
    ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint') ? [Number(a), Number(b)] : undefined);
  const primary = (): Value => {
    const token = take();
    if (token === '(') {
      const value = or();
      if (take() !== ')') fail(`invalid filter expression '${expression}'`);
      return value;
    }
    if (token === '!') return !isTruthy(primary());
    if (token === '-') {
      const value = primary();
      return typeof value === 'number' ? -value : fail('invalid negation');
    }
    if (token === '[') {
      const items: Value[] = [];
      while (peek() !== ']') {
        items.push(or());
        if (peek() === ',') take();
      }
      take();
      return items;
    }
    if (/^['"]/.test(token)) return token.slice(1, -1).replace(/\\(.)/g, '$1');
    if (/^\d/.test(token)) return Number(token);
    if (token === 'true' || token === 'false') return token === 'true';
    if (token === 'null' || token === 'nil') return null;
    if (token.startsWith('@')) return safely(() => queryJsonPath(token, current));
    if (token.startsWith('$')) return safely(() => queryJsonPath(token, root));
    return fail(`invalid filter expression '${expression}'`);
  };
  const multiplicative = binaryLevel(['*', '/', '%'], primary, (op, a, b) => {
    const pair = numeric(a, b);
    if (!pair) return fail('invalid arithmetic');
    return op === '*' ? pair[0] * pair[1] : op === '/' ? pair[0] / pair[1] : pair[0] % pair[1];
  });
  const additive = binaryLevel(['+', '-'], multiplicative, (op, a, b) => {
    const pair = numeric(a, b);
    if (!pair) return fail('invalid arithmetic');
    return op === '+' ? pair[0] + pair[1] : pair[0] - pair[1];
  });
  const comparison = binaryLevel(['==', '!=', '<', '<=', '>', '>=', '=~', 'in', 'not in'], additive, (op, a, b) => {
    const pair = numeric(a, b);
    const same = pair ? pair[0] === pair[1] : a === b;
    switch (op) {
      case '==': return same;
      case '!=': return !same;
      case '=~': return typeof a === 'string' && typeof b === 'string' && compileGoRegexp(b).test(a);
      case 'in': case 'not in': {
        const found = (childrenOf(b) ?? []).some((item) => {
          const numbers = numeric(a, item);
          return numbers ? numbers[0] === numbers[1] : item === a;
        });
        return op === 'in' ? found : !found;
      }
      default:
        if (!pair) return fail('invalid comparison');
        return op === '<' ? pair[0] < pair[1] : op === '<=' ? pair[0] <= pair[1] : op === '>' ? pair[0] > pair[1] : pair[0] >= pair[1];
    }
  });
  const and = binaryLevel(['&&'], comparison, (_, a, b) => isTruthy(a) && isTruthy(b));
  const or: () => Value = binaryLevel(['||'], and, (_, a, b) => isTruthy(a) || isTruthy(b));
  const result = or();
  if (position < tokens.length) fail(`invalid filter expression '${expression}'`);
  return result;
}
