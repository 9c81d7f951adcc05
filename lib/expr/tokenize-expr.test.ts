import { describe, expect, it } from 'vitest';
import { tokenizeExpr } from './tokenize-expr';

function kinds(source: string): string[] {
  return tokenizeExpr(source).map((t) => `${t.kind}:${t.value}`);
}

describe('tokenizeExpr', () => {
  it('splits expressions into expr-lang tokens', () => {
    expect(kinds('a.b == "x"')).toEqual(['identifier:a', 'operator:.', 'identifier:b', 'operator:==', 'string:x', 'eof:']);
    expect(kinds('1..3')).toEqual(['number:1', 'operator:..', 'number:3', 'eof:']);
    expect(kinds('.5 ?? x?.y')).toEqual(['number:.5', 'operator:??', 'identifier:x', 'operator:?.', 'identifier:y', 'eof:']);
    expect(kinds('#acc + #')).toEqual(['operator:#', 'identifier:acc', 'operator:+', 'operator:#', 'eof:']);
    expect(kinds('a not in b')).toEqual(['identifier:a', 'operator:not', 'operator:in', 'identifier:b', 'eof:']);
    expect(kinds('a ** b && !c || d')).toEqual(['identifier:a', 'operator:**', 'identifier:b', 'operator:&&', 'operator:!', 'identifier:c', 'operator:||', 'identifier:d', 'eof:']);
    expect(kinds('$env["x"]')).toEqual(['identifier:$env', 'bracket:[', 'string:x', 'bracket:]', 'eof:']);
  });

  it('unescapes string literals as expr-lang does', () => {
    expect(tokenizeExpr(String.raw`"a\tb\"\u00e9\x41\101\u{1F600}"`)[0]?.value).toBe('a\tb"éAA😀');
    expect(tokenizeExpr('`raw \\n ``quoted```')[0]?.value).toBe('raw \\n `quoted`');
    expect(tokenizeExpr("'it''s'").map((t) => t.value)).toEqual(['it', 's', '']);
  });

  it('skips comments', () => {
    expect(kinds('1 /* two */ + // three\n 4')).toEqual(['number:1', 'operator:+', 'number:4', 'eof:']);
  });

  it('reports malformed input with its position', () => {
    expect(() => tokenizeExpr('"abc')).toThrow('literal not terminated at 5 in "\\"abc"');
    expect(() => tokenizeExpr('1 @ 2')).toThrow("unrecognized character: U+0040 '@' at 3");
    expect(() => tokenizeExpr('12ab')).toThrow('bad number syntax: "12a"');
    expect(() => tokenizeExpr(String.raw`"\q"`)).toThrow('invalid char escape');
    expect(() => tokenizeExpr(String.raw`"\'"`)).toThrow('invalid char escape');
    expect(() => tokenizeExpr('/* open')).toThrow('unclosed comment');
  });
});
