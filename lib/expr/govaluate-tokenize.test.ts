import { describe, expect, it } from 'vitest';
import { checkGovaluateTokens, tokenizeGovaluate } from './govaluate-tokenize';

function kinds(source: string): string[] {
  return tokenizeGovaluate(source).map((t) => `${t.kind}:${Array.isArray(t.value) ? t.value.join('.') : String(t.value)}`);
}

describe('tokenizeGovaluate', () => {
  it('reads govaluate tokens', () => {
    expect(kinds('heads == heads')).toEqual(['VARIABLE:heads', 'COMPARATOR:==', 'VARIABLE:heads']);
    expect(kinds('-5 < 0x10')).toEqual(['PREFIX:-', 'NUMERIC:5', 'COMPARATOR:<', 'NUMERIC:16']);
    expect(kinds("'a b' =~ [x y]")).toEqual(['STRING:a b', 'COMPARATOR:=~', 'VARIABLE:x y']);
    expect(kinds('a in (b, c)')).toEqual(['VARIABLE:a', 'COMPARATOR:in', 'CLAUSE:(', 'VARIABLE:b', 'SEPARATOR:,', 'VARIABLE:c', 'CLAUSE_CLOSE:)']);
    expect(kinds('Obj.Field')).toEqual(['ACCESSOR:Obj.Field']);
    expect(kinds('5 - 3')).toEqual(['NUMERIC:5', 'MODIFIER:-', 'NUMERIC:3']);
  });

  it('turns quoted dates into Unix seconds', () => {
    expect(kinds('"2024-01-01"')).toEqual(['TIME:1704067200']);
    expect(kinds('"2024-01-01T00:00:01Z"')).toEqual(['TIME:1704067201']);
  });

  it('reports govaluate lexing errors', () => {
    expect(() => tokenizeGovaluate('@')).toThrow("Invalid token: '@'");
    expect(() => tokenizeGovaluate('"open')).toThrow('Unclosed string literal');
    expect(() => tokenizeGovaluate('[open')).toThrow('Unclosed parameter bracket');
    expect(() => tokenizeGovaluate('(1')).toThrow('Unbalanced parenthesis');
    expect(() => tokenizeGovaluate('a.b')).toThrow("Unable to access unexported field 'b' in token 'a.b'");
    expect(() => tokenizeGovaluate('A.')).toThrow("Hanging accessor on token 'A.'");
  });
});

describe('checkGovaluateTokens', () => {
  it('prints values as Go does in its errors', () => {
    expect(() => checkGovaluateTokens(tokenizeGovaluate('!"2024-01-01"'), '')).toThrow('from PREFIX [!] to TIME [2024-01-01 00:00:00 +0000 UTC]');
    expect(() => checkGovaluateTokens(tokenizeGovaluate('(in)'), '')).toThrow('from CLAUSE [40] to COMPARATOR [in]');
  });

  it('checks which token may follow which', () => {
    expect(() => checkGovaluateTokens(tokenizeGovaluate('a b'), 'a b')).toThrow('Cannot transition token types from VARIABLE [a] to VARIABLE [b]');
    expect(() => checkGovaluateTokens(tokenizeGovaluate('f(1)'), 'f(1)')).toThrow('Undefined function f');
    expect(() => checkGovaluateTokens(tokenizeGovaluate('1 =='), '1 ==')).toThrow('Unexpected end of expression');
  });

  it('compiles string patterns on the right of =~', () => {
    const tokens = checkGovaluateTokens(tokenizeGovaluate('"abc" =~ "^a"'), '');
    expect(tokens[2]?.kind).toBe('PATTERN');
    expect(tokens[2]?.value).toBeInstanceOf(RegExp);
  });
});
