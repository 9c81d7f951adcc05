import { fail } from './expression-error';
import { castToFloat64, castToInt64, goFunction } from './sprig-convert';
import { formatGoValue } from './format-go-value';
import { toInt64 } from './value';
import type { ExprFunction, Value } from './value';

// sprig's arithmetic (numeric.go and functions.go): the int functions cast every argument to int64 (so "5" is 5 and
// "x" is 0), the float ones go through shopspring/decimal, which is why addf(0.1, 0.2) is exactly 0.3.

interface Decimal {
  coefficient: bigint;
  exponent: number; // value = coefficient * 10^exponent
}

// decimal.NewFromFloat: the shortest decimal that round-trips to the float.
function decimalFromFloat(value: number): Decimal {
  if (!Number.isFinite(value)) return fail(`Cannot create a Decimal from ${formatGoValue(value)}`);
  const [mantissa = '0', exponentText = '0'] = value.toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const fractionDigits = (mantissa.split('.')[1] ?? '').length;
  return { coefficient: BigInt(digits), exponent: Number(exponentText) - fractionDigits };
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  const exponent = Math.min(a.exponent, b.exponent);
  return [a.coefficient * 10n ** BigInt(a.exponent - exponent), b.coefficient * 10n ** BigInt(b.exponent - exponent), exponent];
}

const DIVISION_PRECISION = 16; // decimal.DivisionPrecision

const DECIMAL_OPS: Record<string, (a: Decimal, b: Decimal) => Decimal> = {
  add: (a, b) => {
    const [x, y, exponent] = align(a, b);
    return { coefficient: x + y, exponent };
  },
  sub: (a, b) => {
    const [x, y, exponent] = align(a, b);
    return { coefficient: x - y, exponent };
  },
  mul: (a, b) => ({ coefficient: a.coefficient * b.coefficient, exponent: a.exponent + b.exponent }),
  div: (a, b) => {
    if (b.coefficient === 0n) return fail('decimal division by zero');
    // Round a / b to 16 decimal places, half away from zero, as decimal.DivRound does.
    const shift = a.exponent - b.exponent + DIVISION_PRECISION;
    let numerator = a.coefficient;
    let denominator = b.coefficient;
    if (shift >= 0) numerator *= 10n ** BigInt(shift);
    else denominator *= 10n ** BigInt(-shift);
    if (denominator < 0n) {
      numerator = -numerator;
      denominator = -denominator;
    }
    const quotient = numerator / denominator;
    const remainder = numerator % denominator;
    const twice = (remainder < 0n ? -remainder : remainder) * 2n;
    const rounded = twice >= denominator ? quotient + (numerator < 0n ? -1n : 1n) : quotient;
    return { coefficient: rounded, exponent: -DIVISION_PRECISION };
  },
};

function decimalToFloat(value: Decimal): number {
  return Number(`${value.coefficient}e${value.exponent}`);
}

function decimalOp(name: string, first: Value, rest: Value[]): number {
  const op = DECIMAL_OPS[name];
  if (!op) return fail(`unknown decimal operation ${name}`);
  let result = decimalFromFloat(castToFloat64(first));
  for (const value of rest) result = op(result, decimalFromFloat(castToFloat64(value)));
  return decimalToFloat(result);
}

function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const out: bigint[] = [];
  const limit = 10_000_000;
  if (stop < start) {
    if (step >= 0n) return out;
    for (let i = start; i > stop && out.length < limit; i += step) out.push(i);
    return out;
  }
  if (step <= 0n) return out;
  for (let i = start; i < stop && out.length < limit; i += step) out.push(i);
  return out;
}

function seq(params: bigint[]): string {
  const join = (items: bigint[]): string => items.join(' ');
  const [a = 0n, b = 0n, c = 0n] = params;
  switch (params.length) {
    case 1: {
      const increment = a < 1n ? -1n : 1n;
      return join(untilStep(1n, a + increment, increment));
    }
    case 2: {
      const step = b < a ? -1n : 1n;
      return join(untilStep(a, b + step, step));
    }
    case 3: {
      const increment = c < a ? -1n : 1n;
      if (c < a && b > 0n) return '';
      return join(untilStep(a, c + increment, b));
    }
    default: return '';
  }
}

function divInts(a: bigint, b: bigint): bigint {
  if (b === 0n) return fail('runtime error: integer divide by zero');
  return toInt64(a / b);
}

/** sprig's numeric functions. */
export const SPRIG_MATH_FUNCTIONS: Record<string, ExprFunction> = {
  atoi: goFunction('atoi', ['string'], (s: string) => (/^[+-]?\d+$/.test(s) ? toInt64(BigInt(s)) : 0n)),
  int64: goFunction('int64', ['any'], castToInt64),
  int: goFunction('int', ['any'], castToInt64),
  float64: goFunction('float64', ['any'], castToFloat64),
  // strconv.ParseInt(fmt.Sprint(v), 8, 64): the value's text read as octal, 0 when it is not.
  toDecimal: goFunction('toDecimal', ['any'], (v: Value) => {
    const match = /^([+-]?)([0-7]+)$/.exec(formatGoValue(v));
    if (!match) return 0n;
    const value = BigInt(`0o${match[2]}`) * (match[1] === '-' ? -1n : 1n);
    return toInt64(value) === value ? value : 0n;
  }),
  seq: goFunction('seq', ['int'], (...params: bigint[]) => seq(params), true),
  until: goFunction('until', ['int'], (count: bigint) => untilStep(0n, count, count < 0n ? -1n : 1n)),
  untilStep: goFunction('untilStep', ['int', 'int', 'int'], untilStep),
  add1: goFunction('add1', ['any'], (v: Value) => toInt64(castToInt64(v) + 1n)),
  add: goFunction('add', ['any'], (...values: Value[]) => values.reduce<bigint>((sum, v) => toInt64(sum + castToInt64(v)), 0n), true),
  sub: goFunction('sub', ['any', 'any'], (a: Value, b: Value) => toInt64(castToInt64(a) - castToInt64(b))),
  div: goFunction('div', ['any', 'any'], (a: Value, b: Value) => divInts(castToInt64(a), castToInt64(b))),
  mod: goFunction('mod', ['any', 'any'], (a: Value, b: Value) => {
    const divisor = castToInt64(b);
    if (divisor === 0n) return fail('runtime error: integer divide by zero');
    return toInt64(castToInt64(a) % divisor);
  }),
  mul: goFunction('mul', ['any', 'any'], (a: Value, ...rest: Value[]) => rest.reduce<bigint>((p, v) => toInt64(p * castToInt64(v)), castToInt64(a)), true),
  add1f: goFunction('add1f', ['any'], (v: Value) => decimalOp('add', v, [1n])),
  addf: goFunction('addf', ['any'], (...values: Value[]) => decimalOp('add', 0, values), true),
  subf: goFunction('subf', ['any', 'any'], (a: Value, ...rest: Value[]) => decimalOp('sub', a, rest), true),
  divf: goFunction('divf', ['any', 'any'], (a: Value, ...rest: Value[]) => decimalOp('div', a, rest), true),
  mulf: goFunction('mulf', ['any', 'any'], (a: Value, ...rest: Value[]) => decimalOp('mul', a, rest), true),
  biggest: goFunction('biggest', ['any', 'any'], (a: Value, ...rest: Value[]) => rest.reduce<bigint>((m, v) => { const x = castToInt64(v); return x > m ? x : m; }, castToInt64(a)), true),
  max: goFunction('max', ['any', 'any'], (a: Value, ...rest: Value[]) => rest.reduce<bigint>((m, v) => { const x = castToInt64(v); return x > m ? x : m; }, castToInt64(a)), true),
  min: goFunction('min', ['any', 'any'], (a: Value, ...rest: Value[]) => rest.reduce<bigint>((m, v) => { const x = castToInt64(v); return x < m ? x : m; }, castToInt64(a)), true),
  maxf: goFunction('maxf', ['any', 'any'], (a: Value, ...rest: Value[]) => rest.reduce<number>((m, v) => Math.max(m, castToFloat64(v)), castToFloat64(a)), true),
  minf: goFunction('minf', ['any', 'any'], (a: Value, ...rest: Value[]) => rest.reduce<number>((m, v) => Math.min(m, castToFloat64(v)), castToFloat64(a)), true),
  floor: goFunction('floor', ['any'], (v: Value) => Math.floor(castToFloat64(v))),
  ceil: goFunction('ceil', ['any'], (v: Value) => Math.ceil(castToFloat64(v))),
  round: goFunction('round', ['any', 'int', 'float'], (v: Value, places: bigint, ...roundOn: number[]) => {
    const threshold = roundOn[0] ?? 0.5;
    const pow = 10 ** Number(places);
    const digit = pow * castToFloat64(v);
    const fraction = digit - Math.trunc(digit);
    return (fraction >= threshold ? Math.ceil(digit) : Math.floor(digit)) / pow;
  }, true),
};
