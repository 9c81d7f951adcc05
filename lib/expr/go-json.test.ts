import { describe, expect, it } from 'vitest';
import { fromGoJson, toGoJson } from './go-json';
import { GoDuration, GoTime } from './go-time';

describe('toGoJson', () => {
  it('encodes as encoding/json: sorted keys, HTML escaping, Go floats', () => {
    expect(toGoJson({ b: 1n, a: [1.5, null, true, 'x'] })).toBe('{"a":[1.5,null,true,"x"],"b":1}');
    expect(toGoJson('<a & b>')).toBe('"\\u003ca \\u0026 b\\u003e"');
    expect(toGoJson('<a>', { escapeHtml: false })).toBe('"<a>"');
    expect(toGoJson('tab\there\u0001\u2028')).toBe('"tab\\there\\u0001\\u2028"');
    expect(toGoJson(1e21)).toBe('1e+21');
    expect(toGoJson(1e-7)).toBe('1e-7');
    expect(toGoJson(100)).toBe('100');
    expect(toGoJson(-0)).toBe('-0');
  });

  it('encodes times and durations as Go does', () => {
    expect(toGoJson(new GoTime(1_500_000_000n))).toBe('"1970-01-01T00:00:01.5Z"');
    expect(toGoJson(new GoDuration(5n))).toBe('5');
  });

  it('indents like MarshalIndent', () => {
    expect(toGoJson({ a: [1n, {}], b: [] }, { indent: '  ' })).toBe('{\n  "a": [\n    1,\n    {}\n  ],\n  "b": []\n}');
  });

  it('refuses what Go cannot encode', () => {
    expect(() => toGoJson(Number.NaN)).toThrow('json: unsupported value: NaN');
    expect(() => toGoJson(() => null)).toThrow('json: unsupported type');
  });
});

describe('fromGoJson', () => {
  it('decodes numbers as float64', () => {
    expect(fromGoJson('{"a": [1, 2.5]}')).toEqual({ a: [1, 2.5] });
    expect(() => fromGoJson('{')).toThrow();
  });
});
