import { describe, expect, it } from 'vitest';
import { evaluateGovaluate, planGovaluate } from './govaluate-evaluate';
import { checkGovaluateTokens, tokenizeGovaluate } from './govaluate-tokenize';

function evaluate(source: string) {
  return evaluateGovaluate(planGovaluate(checkGovaluateTokens(tokenizeGovaluate(source), source)));
}

describe('evaluateGovaluate', () => {
  it('makes runs of equal precedence left-associative, as govaluate reorders them', () => {
    expect(evaluate('1 - 2 - 3')).toBe(-4);
    expect(evaluate('10 / 2 / 5')).toBe(1);
    expect(evaluate('1 - 2 + 3')).toBe(2);
    expect(evaluate('2 ** 3 ** 2')).toBe(64);
  });

  it('gives multiplication precedence over addition and comparison over logic', () => {
    expect(evaluate('1 + 2 * 3')).toBe(7);
    expect(evaluate('1 > 2 || 3 > 2 && 4 > 3')).toBe(true);
  });

  it('evaluates its two-part ternary and coalescing operators', () => {
    expect(evaluate('true ? 1 : 2')).toBe(1);
    expect(evaluate('false ? 1 : 2')).toBe(2);
    expect(evaluate('false ? 1')).toBeNull();
  });

  it('builds arrays for in', () => {
    expect(evaluate('2 in (1, 2, 3)')).toBe(true);
    expect(evaluate('"x" in ("y", "x")')).toBe(true);
    expect(() => evaluate('"x" in ("x")')).toThrow("Value 'x' cannot be used with the comparator 'in', it is not a number");
  });

  it('compares numbers and strings but not across', () => {
    expect(evaluate('"b" > "a"')).toBe(true);
    expect(() => evaluate('1 < "a"')).toThrow("Value '1' cannot be used with the comparator '<', it is not a number");
    expect(evaluate('1 == "1"')).toBe(false);
  });

  it('concatenates strings with + and formats numbers as Go does', () => {
    expect(evaluate('"x" + 1.5')).toBe('x1.5');
    expect(evaluate('"x" + 1000000')).toBe('x1e+06');
  });

  it('matches regular expressions', () => {
    expect(evaluate('"abc" =~ "^a"')).toBe(true);
    expect(evaluate('"abc" !~ "^a"')).toBe(false);
  });

  it('fails on parameters, which Argo never passes', () => {
    expect(() => evaluate('foo == 1')).toThrow("No parameter 'foo' found.");
  });
});
