import { describe, expect, it } from 'vitest';
import { goIndex, goLastIndex, goReplace, goSplit, goTitle, goToLower, goToUpper, goTrim, goTrimSpace, utf8Length } from './go-strings';

describe('Go string functions', () => {
  it('count UTF-8 bytes', () => {
    expect(utf8Length('héllo😀')).toBe(10);
    expect(goIndex('héllo', 'l')).toBe(3);
    expect(goLastIndex('héllo', 'l')).toBe(4);
    expect(goIndex('abc', 'z')).toBe(-1);
  });

  it('trim as Go does', () => {
    expect(goTrimSpace('\u00a0 a \n')).toBe('a');
    expect(goTrimSpace('\ufeffa')).toBe('\ufeffa');
    expect(goTrim('xxaxx', 'x')).toBe('a');
    expect(goTrim('xxaxx', 'x', 'left')).toBe('axx');
  });

  it('split and replace with counts and empty separators', () => {
    expect(goSplit('a,b,c', ',', 2)).toEqual(['a', 'b,c']);
    expect(goSplit('a,b', ',', -1, true)).toEqual(['a,', 'b']);
    expect(goSplit('ab', '')).toEqual(['a', 'b']);
    expect(goSplit('abc', '', 2)).toEqual(['a', 'bc']);
    expect(goSplit('a', ',', 0)).toEqual([]);
    expect(goReplace('aaa', 'a', 'b', 2)).toBe('bba');
    expect(goReplace('ab', '', '-')).toBe('-a-b-');
  });

  it('change case one code point at a time', () => {
    expect(goToUpper('straße')).toBe('STRAßE');
    expect(goToLower('İ')).toBe('i');
    expect(goTitle('hello wide-world_x')).toBe('Hello Wide-World_x');
  });
});
