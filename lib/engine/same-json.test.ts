import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSameJson } from './same-json';

describe('isSameJson', () => {
  it('compares as JSON: member order and undefined members do not count, array order does', () => {
    expect(isSameJson({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(isSameJson({ a: 1, c: undefined }, { a: 1 })).toBe(true);
    expect(isSameJson({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(isSameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(isSameJson({ a: {} }, { a: [] })).toBe(false);
    expect(isSameJson(null, {})).toBe(false);
    expect(isSameJson('1', 1)).toBe(false);
  });

  it('agrees with comparing serialisations: equal text means equal, a difference means different text', () => {
    fc.assert(fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
      expect(isSameJson(a, structuredClone(a))).toBe(true);
      if (JSON.stringify(a) === JSON.stringify(b)) expect(isSameJson(a, b)).toBe(true);
      if (!isSameJson(a, b)) expect(JSON.stringify(a)).not.toBe(JSON.stringify(b));
    }));
  });
});
