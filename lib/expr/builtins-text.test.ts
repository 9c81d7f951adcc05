import { describe, expect, it } from 'vitest';
import { toFloatValue, toIntValue, TEXT_BUILTINS } from './builtins-text';
import { GoTime } from './go-time';
import { itMatchesExprLang } from './test-support';

describe('string, conversion and time builtins match expr-lang v1.17.8 with Argo v4.1.2', () => {
  itMatchesExprLang([
    ["date(\"02 Jan 06 15:04 MST\")", "\"2006-01-02T15:04:00Z\""],
    ["date(\"15:04:05\")", "\"0000-01-01T15:04:05Z\""],
    ["date(\"2023-01-01\") == date(\"2023-01-01T00:00:00Z\")", "true"],
    ["date(\"2023-01-02\") - duration(\"24h\")", "\"2023-01-01T00:00:00Z\""],
    ["date(\"2023-01-02\").Add(duration(\"1h\")).Hour()", "1"],
    ["date(\"2023-01-02\").Before(date(\"2023-01-03\"))", "true"],
    ["date(\"2023-01-02\").Format(\"2006-01-02T15:04:05Z07:00\")", "\"2023-01-02T00:00:00Z\""],
    ["date(\"2023-01-02\").Format(\"Monday, 02-Jan-06 3:04PM\")", "\"Monday, 02-Jan-23 12:00AM\""],
    ["date(\"2023-01-02\").Sub(date(\"2023-01-01\")).Minutes()", "1440"],
    ["date(\"2023-01-02\").Unix()", "1672617600"],
    ["date(\"2023-01-02\").Weekday()", "1"],
    ["date(\"2023-03-05\").YearDay()", "64"],
    ["date(\"2023-08-14 12:30:00\", \"2006-01-02 15:04:05\", \"UTC\")", "\"2023-08-14T12:30:00Z\""],
    ["date(\"2023-08-14\") + duration(\"25h\")", "\"2023-08-15T01:00:00Z\""],
    ["date(\"2023-08-14\").Format(\"Jan 2, 2006\")", "\"Aug 14, 2023\""],
    ["date(\"2023-08-14\").Year()", "2023"],
    ["date(\"2023-08-14T10:00:00+02:00\")", "\"2023-08-14T10:00:00+02:00\""],
    ["date(\"Mon, 02 Jan 2006 15:04:05 MST\")", "\"2006-01-02T15:04:05Z\""],
    ["duration(\"\")", null],
    ["duration(\"1.5h\").Minutes()", "90"],
    ["duration(\"1h2m3.5s\")", "3723500000000"],
    ["duration(\"1h30m\")", "5400000000000"],
    ["duration(\"1m\") * 2", "120000000000"],
    ["duration(\"1m\") + duration(\"30s\")", "90000000000"],
    ["duration(\"1m\") > duration(\"30s\")", "true"],
    ["duration(\"1x\")", null],
    ["float(\"1.5\")", "1.5"],
    ["float(\"1e3\")", "1000"],
    ["float(\"inf\")", null],
    ["float(3)", "3"],
    ["fromJSON(\"1\")", "1"],
    ["fromJSON(\"[1, 2]\")", "[1,2]"],
    ["fromJSON(\"{\\\"a\\\": 1.5, \\\"b\\\": [true, null]}\")", "{\"a\":1.5,\"b\":[true,null]}"],
    ["hasPrefix(\"ab\", \"a\")", "true"],
    ["indexOf(\"héllo\", \"l\")", "3"],
    ["int(\"0x10\")", null],
    ["int(\"42\")", "42"],
    ["int(-3.9)", "-3"],
    ["int(3.9)", "3"],
    ["join([\"a\", \"b\"], \"-\")", "\"a-b\""],
    ["join([])", "\"\""],
    ["lastIndexOf(\"aXbX\", \"X\")", "3"],
    ["lower(\"İ\")", "\"i\""],
    ["now() > date(\"2000-01-01\")", "true"],
    ["repeat(\"\", 5)", "\"\""],
    ["repeat(\"ab\", 3)", "\"ababab\""],
    ["replace(\"aaa\", \"a\", \"b\")", "\"bbb\""],
    ["replace(\"abc\", \"\", \"-\")", "\"-a-b-c-\""],
    ["split(\"\", \",\")", "[\"\"]"],
    ["split(\"a,b,c\", \",\")", "[\"a\",\"b\",\"c\"]"],
    ["split(\"a,b,c\", \",\", 2)", "[\"a\",\"b,c\"]"],
    ["split(\"abc\", \"\")", "[\"a\",\"b\",\"c\"]"],
    ["splitAfter(\"a,b\", \",\")", "[\"a,\",\"b\"]"],
    ["string(-0.0001)", "\"-0.0001\""],
    ["string(0.00001)", "\"1e-05\""],
    ["string(0.0001)", "\"0.0001\""],
    ["string(1)", "\"1\""],
    ["string(1.0e-5)", "\"1e-05\""],
    ["string(1.5)", "\"1.5\""],
    ["string(1000000.0)", "\"1e+06\""],
    ["string(123456789.0)", "\"1.23456789e+08\""],
    ["string(1e21)", "\"1e+21\""],
    ["string([1, \"a\", nil])", "\"[1 a \\u003cnil\\u003e]\""],
    ["string(a)", "\"map[b:\\u003cnil\\u003e c:map[d:1]]\""],
    ["string(date(\"2023-08-14\"))", "\"2023-08-14 00:00:00 +0000 UTC\""],
    ["string(duration(\"-2h\"))", "\"-2h0m0s\""],
    ["string(duration(\"0s\"))", "\"0s\""],
    ["string(duration(\"1.5s\"))", "\"1.5s\""],
    ["string(duration(\"1500us\"))", "\"1.5ms\""],
    ["string(duration(\"90s\"))", "\"1m30s\""],
    ["string(nil)", "\"\\u003cnil\\u003e\""],
    ["string(true)", "\"true\""],
    ["string({\"b\": 1, \"a\": 2})", "\"map[a:2 b:1]\""],
    ["toJSON(\"\\u0001\")", "\"\\\"\\\\u0001\\\"\""],
    ["toJSON(\"a\\u2028b\")", "\"\\\"a\\\\u2028b\\\"\""],
    ["toJSON(-0.0)", "\"-0\""],
    ["toJSON(0.0000001)", "\"1e-7\""],
    ["toJSON(1e21)", "\"1e+21\""],
    ["toJSON({\"a\": [1, 2]})", "\"{\\n  \\\"a\\\": [\\n    1,\\n    2\\n  ]\\n}\""],
    ["trim(\"  a  \")", "\"a\""],
    ["trim(\"\\t a \\n\")", "\"a\""],
    ["trim(\"xxaxx\", \"x\")", "\"a\""],
    ["trimPrefix(\"aab\", \"a\")", "\"ab\""],
    ["trimSuffix(\"abb\", \"b\")", "\"ab\""],
    ["type(\"a\")", "\"string\""],
    ["type(1)", "\"int\""],
    ["type(1.5)", "\"float\""],
    ["type([])", "\"array\""],
    ["type(fromJSON(\"1\"))", "\"float\""],
    ["type(nil)", "\"nil\""],
    ["type({})", "\"map\""],
    ["upper(\"abc\")", "\"ABC\""],
    ["upper(\"ß\")", "\"ß\""],
    ["upper(s) + lower(\"X\")", "\"ABCx\""],
  ]);
});

describe('toIntValue and toFloatValue', () => {
  it('convert like expr-lang int() and float()', () => {
    expect(toIntValue('42')).toBe(42n);
    expect(toIntValue(-3.9)).toBe(-3n);
    expect(() => toIntValue('3.0')).toThrow('invalid operation: int(3.0)');
    expect(() => toIntValue(' 3')).toThrow('invalid operation: int( 3)');
    expect(toFloatValue('1e3')).toBe(1000);
    expect(toFloatValue(2n)).toBe(2);
    expect(() => toFloatValue('')).toThrow('invalid operation: float()');
  });
});

describe('TEXT_BUILTINS', () => {
  it('needs the caller clock for now()', () => {
    const now = TEXT_BUILTINS.now;
    expect(now).toBeDefined();
    expect(() => now?.([], {})).toThrow('now() needs a clock');
    const clock = new GoTime(1_000_000_000n);
    expect(now?.([], { now: clock })).toBe(clock);
  });

  it('refuses named time zones it cannot resolve', () => {
    expect(() => TEXT_BUILTINS.date?.(['2024-01-01', '2006-01-02', 'Europe/Zurich'], {})).toThrow('unknown time zone');
  });

  it('checks argument counts and types', () => {
    expect(() => TEXT_BUILTINS.upper?.([1n], {})).toThrow('cannot use int as argument (type string) to call upper');
    expect(() => TEXT_BUILTINS.split?.(['a'], {})).toThrow('invalid number of arguments for split (expected 2 or 3, got 1)');
  });
});
