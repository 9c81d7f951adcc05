import { describe, expect, it } from 'vitest';
import { compileGoRegexp } from './go-regexp';

describe('compileGoRegexp', () => {
  it('accepts RE2 spellings JavaScript lacks', () => {
    expect(compileGoRegexp('(?i)^abc$').test('ABC')).toBe(true);
    expect(compileGoRegexp('(?P<word>\\w+)').exec('hi')?.groups?.word).toBe('hi');
    expect(compileGoRegexp('[[:digit:]]+').test('42')).toBe(true);
    expect(compileGoRegexp('\\Qa.b\\E').test('axb')).toBe(false);
    expect(compileGoRegexp('\\Aab\\z').test('ab')).toBe(true);
    expect(compileGoRegexp('\\pL+').test('é')).toBe(true);
    expect(compileGoRegexp('a\\-b\\_c').test('a-b_c')).toBe(true);
  });

  it('reports RE2 errors and rejects what RE2 rejects', () => {
    expect(() => compileGoRegexp('(')).toThrow('error parsing regexp: missing closing ): `(`');
    expect(() => compileGoRegexp('(a)\\1')).toThrow('invalid escape sequence');
    expect(() => compileGoRegexp('(?=a)')).toThrow('invalid or unsupported Perl syntax');
  });

  it('matches by code point', () => {
    expect(compileGoRegexp('^.$').test('😀')).toBe(true);
  });
});
