import { describe, expect, it } from 'vitest';
import { SPRIG_MATH_FUNCTIONS } from './sprig-math';
import { itMatchesExprLang } from './test-support';

describe('sprig numeric functions match expr-lang v1.17.8 with Argo v4.1.2', () => {
  itMatchesExprLang([
    ["sprig.add(1, 2, 3)", "6"],
    ["sprig.addf(0.1, 0.2)", "0.3"],
    ["sprig.atoi(\"12\")", "12"],
    ["sprig.ceil(1.2)", "2"],
    ["sprig.divf(1, 3)", "0.3333333333333333"],
    ["sprig.float64(\"abc\")", "0"],
    ["sprig.floor(\"1.7\")", "1"],
    ["sprig.int(\"7\") + 1", "8"],
    ["sprig.int64(\"017\")", "15"],
    ["sprig.int64(\"0x1F\")", "31"],
    ["sprig.int64(\"5.00\")", "5"],
    ["sprig.max(1, \"5\", 3)", "5"],
    ["sprig.maxf(1, 2.5)", "2.5"],
    ["sprig.min(4, 2)", "2"],
    ["sprig.minf(1, 2.5)", "1"],
    ["sprig.mulf(1.1, 3)", "3.3"],
    ["sprig.round(1.2345, 2)", "1.23"],
    ["sprig.round(2.5, 0)", "3"],
    ["sprig.seq(1, 3)", "\"1 2 3\""],
    ["sprig.seq(3)", "\"1 2 3\""],
    ["sprig.seq(5, -1, 1)", "\"5 4 3 2 1\""],
    ["sprig.subf(1, 0.9)", "0.1"],
    ["sprig.toDecimal(\"777\")", "511"],
    ["sprig.until(3)", "[0,1,2]"],
    ["sprig.untilStep(0, 10, 3)", "[0,3,6,9]"],
  ]);
});

describe('SPRIG_MATH_FUNCTIONS', () => {
  it('casts anything to int64 the way spf13/cast does', () => {
    expect(SPRIG_MATH_FUNCTIONS.int64?.('abc')).toBe(0n);
    expect(SPRIG_MATH_FUNCTIONS.int64?.(true)).toBe(1n);
    expect(SPRIG_MATH_FUNCTIONS.int64?.(2.9)).toBe(2n);
    expect(SPRIG_MATH_FUNCTIONS.add?.('1', 2n, 3.7)).toBe(6n);
  });

  it('does float arithmetic in decimal', () => {
    expect(SPRIG_MATH_FUNCTIONS.addf?.(0.1, 0.2)).toBe(0.3);
    expect(SPRIG_MATH_FUNCTIONS.divf?.(2, 3)).toBe(0.6666666666666667);
    expect(() => SPRIG_MATH_FUNCTIONS.divf?.(1, 0)).toThrow('decimal division by zero');
  });

  it('fails on integer division by zero', () => {
    expect(() => SPRIG_MATH_FUNCTIONS.div?.(1n, 0n)).toThrow('integer divide by zero');
  });
});
