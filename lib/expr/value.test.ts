import { describe, expect, it } from 'vitest';
import { GoDuration, GoTime } from './go-time';
import { exprTypeName, getOwn, goTypeName, isNil, isValueMap, setOwn, toInt64, toPlainValue, toValue, toValueMap, truncateToInt } from './value';

describe('value helpers', () => {
  it('names types as Go and expr-lang do', () => {
    expect([null, true, 1n, 1.5, 's', [], {}, new GoTime(0n), new GoDuration(0n)].map(goTypeName))
      .toEqual(['<nil>', 'bool', 'int', 'float64', 'string', '[]interface {}', 'map[string]interface {}', 'time.Time', 'time.Duration']);
    expect([null, true, 1n, 1.5, 's', [], {}].map(exprTypeName)).toEqual(['nil', 'bool', 'int', 'float', 'string', 'array', 'map']);
  });

  it('recognises maps and nil', () => {
    expect(isValueMap({})).toBe(true);
    expect(isValueMap([])).toBe(false);
    expect(isValueMap(new GoTime(0n))).toBe(false);
    expect(isNil(undefined)).toBe(true);
    expect(isNil(0)).toBe(false);
  });

  it('reads and writes own properties only, even __proto__', () => {
    const map = toValueMap([['__proto__', 'x']]);
    expect(getOwn(map, '__proto__')).toBe('x');
    expect(getOwn({}, 'constructor')).toBeUndefined();
    setOwn(map, 'constructor', 1n);
    expect(Object.keys(map)).toEqual(['__proto__', 'constructor']);
  });

  it('wraps and truncates ints like Go', () => {
    expect(toInt64(2n ** 63n)).toBe(-(2n ** 63n));
    expect(truncateToInt(-2.7)).toBe(-2n);
    expect(truncateToInt(Number.NaN)).toBe(-(2n ** 63n));
  });

  it('converts to and from plain JavaScript data', () => {
    expect(toValue({ a: [1, undefined], d: new Date(0) })).toEqual({ a: [1, null], d: new GoTime(0n) });
    expect(toPlainValue({ n: 3n, big: 2n ** 60n, t: new GoTime(0n) })).toEqual({ n: 3, big: '1152921504606846976', t: '1970-01-01T00:00:00.000Z' });
  });
});
