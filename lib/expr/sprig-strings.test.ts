import { describe, expect, it } from 'vitest';
import { SPRIG_STRING_FUNCTIONS } from './sprig-strings';
import { itMatchesExprLang } from './test-support';

describe('sprig string functions match expr-lang v1.17.8 with Argo v4.1.2', () => {
  itMatchesExprLang([
    ["sprig.abbrev(5, \"hello world\")", "\"he...\""],
    ["sprig.abbrevboth(5, 10, \"1234 5678 9123\")", "\"...5678...\""],
    ["sprig.camelcase(\"foo-bar baz\")", "\"FooBarBaz\""],
    ["sprig.camelcase(\"http_server\")", "\"HttpServer\""],
    ["sprig.cat(\"a\", 1.5, nil)", "\"a 1.5\""],
    ["sprig.contains(\"b\", \"abc\")", "true"],
    ["sprig.hasPrefix(\"a\", \"abc\")", "true"],
    ["sprig.indent(2, \"a\\nb\")", "\"  a\\n  b\""],
    ["sprig.initials(\"hello big world\")", "\"hbw\""],
    ["sprig.join(\"-\", [1, 2, \"x\"])", "\"1-2-x\""],
    ["sprig.kebabcase(\"fooBarBaz\")", "\"foo-bar-baz\""],
    ["sprig.nindent(2, \"a\")", "\"\\n  a\""],
    ["sprig.nospace(\" a b \")", "\"ab\""],
    ["sprig.plural(\"one\", \"many\", 2)", "\"many\""],
    ["sprig.quote(\"a\\\"b\", 1)", "\"\\\"a\\\\\\\"b\\\" \\\"1\\\"\""],
    ["sprig.repeat(3, \"ab\")", "\"ababab\""],
    ["sprig.replace(\"a\", \"b\", \"banana\")", "\"bbnbnb\""],
    ["sprig.snakecase(\"FirstName\")", "\"first_name\""],
    ["sprig.snakecase(\"HTTPServer\")", "\"http_server\""],
    ["sprig.snakecase(\"NoHTTPS\")", "\"no_https\""],
    ["sprig.sortAlpha([\"b\", \"a\", \"C\"])", "[\"C\",\"a\",\"b\"]"],
    ["sprig.split(\",\", \"a,b\")", "{\"_0\":\"a\",\"_1\":\"b\"}"],
    ["sprig.splitList(\",\", \"a,b,c\")", "[\"a\",\"b\",\"c\"]"],
    ["sprig.splitn(\",\", 2, \"a,b,c\")", "{\"_0\":\"a\",\"_1\":\"b,c\"}"],
    ["sprig.squote(\"a\", nil, 2)", "\"'a' '2'\""],
    ["sprig.substr(1, 3, \"hello\")", "\"el\""],
    ["sprig.swapcase(\"Hello World\")", "\"hELLO wORLD\""],
    ["sprig.title(\"hello world-foo\")", "\"Hello World-Foo\""],
    ["sprig.toString(1.5)", "\"1.5\""],
    ["sprig.toStrings([1, nil, \"a\"])", "[\"1\",\"a\"]"],
    ["sprig.trim(\"  x  \")", "\"x\""],
    ["sprig.trimAll(\"$\", \"$x$\")", "\"x\""],
    ["sprig.trimPrefix(\"a\", \"abc\")", "\"bc\""],
    ["sprig.trimSuffix(\"c\", \"abc\")", "\"ab\""],
    ["sprig.trunc(-2, \"hello\")", "\"lo\""],
    ["sprig.trunc(3, \"hello\")", "\"hel\""],
    ["sprig.untitle(\"Hello World\")", "\"hello world\""],
    ["sprig.upper(\"abc\")", "\"ABC\""],
    ["sprig.wrap(5, \"hello world foo\")", "\"hello\\nworld\\nfoo\""],
  ]);
});

describe('SPRIG_STRING_FUNCTIONS', () => {
  it('applies Go call rules: typed parameters reject other types, nil is the zero value', () => {
    expect(() => SPRIG_STRING_FUNCTIONS.upper?.(1n)).toThrow('reflect: Call using int as type string');
    expect(SPRIG_STRING_FUNCTIONS.upper?.(null)).toBe('');
    expect(() => SPRIG_STRING_FUNCTIONS.repeat?.(2.0, 'a')).toThrow('as type int');
    expect(() => SPRIG_STRING_FUNCTIONS.trim?.()).toThrow('too few input arguments');
  });

  it('keeps Go case mapping one character for one', () => {
    expect(SPRIG_STRING_FUNCTIONS.upper?.('straße')).toBe('STRAßE');
  });

  it('fails on slice bounds Go would panic on', () => {
    expect(() => SPRIG_STRING_FUNCTIONS.substr?.(4n, 2n, 'hello')).toThrow('slice bounds out of range');
  });
});
