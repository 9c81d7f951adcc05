import { describe, expect, it } from 'vitest';
import { toDelimitedCase, toPascalCase } from './xstrings-case';

describe('xstrings case conversion as sprig calls it', () => {
  // [input, snakecase, kebabcase, camelcase], recorded from sprig v3.3.0 with xstrings.
  it.each([
    ["FirstName", "first_name", "first-name", "FirstName"],
    ["HTTPServer", "http_server", "http-server", "HTTPServer"],
    ["NoHTTPS", "no_https", "no-https", "NoHTTPS"],
    ["GO_PATH", "go_path", "go-path", "GOPATH"],
    ["GO-PATH", "go_path", "go-path", "GOPATH"],
    ["with  space", "with__space", "with--space", "With Space"],
    ["HTTP2xx", "http_2xx", "http-2xx", "HTTP2xx"],
    ["Bld4Floor", "bld4_floor", "bld4-floor", "Bld4Floor"],
    ["3.5", "3.5", "3.5", "3.5"],
    ["/a/b/", "/a/b/", "/a/b/", "/a/b/"],
    ["x.tar.gz", "x.tar.gz", "x.tar.gz", "X.tar.gz"],
    ["  x ", "__x_", "--x-", "  X "],
    ["a,b", "a,b", "a,b", "A,b"],
    ["fooBarBaz", "foo_bar_baz", "foo-bar-baz", "FooBarBaz"],
    ["Hello World", "hello_world", "hello-world", "HelloWorld"],
    ["HTTPStatusCode", "http_status_code", "http-status-code", "HTTPStatusCode"],
    ["abc123def", "abc_123def", "abc-123def", "Abc123def"],
    ["ABC", "abc", "abc", "ABC"],
    ["a", "a", "a", "A"],
    ["", "", "", ""],
    ["_leading", "_leading", "-leading", "_Leading"],
    ["trailing_", "trailing_", "trailing-", "Trailing_"],
    ["x--y", "x__y", "x--y", "X-Y"],
    ["1st place", "1st_place", "1st-place", "1stPlace"],
    ["MyXMLParser", "my_xml_parser", "my-xml-parser", "MyXMLParser"],
    ["ΑβΓ", "αβ_γ", "αβ-γ", "ΑβΓ"],
    ["snake_case_already", "snake_case_already", "snake-case-already", "SnakeCaseAlready"],
    ["version2Beta", "version2_beta", "version2-beta", "Version2Beta"],
    ["CamelCase", "camel_case", "camel-case", "CamelCase"],
    ["already-kebab", "already_kebab", "already-kebab", "AlreadyKebab"],
    ["über Größe", "über_größe", "über-größe", "ÜberGröße"],
    ["a1B2c3", "a1_b_2c3", "a1-b-2c3", "A1B2c3"],
  ])('%j', (input, snake, kebab, camel) => {
    expect(toDelimitedCase(input, '_')).toBe(snake);
    expect(toDelimitedCase(input, '-')).toBe(kebab);
    expect(toPascalCase(input)).toBe(camel);
  });

  it('repeats a lone connector, as the Go code does', () => {
    expect(toPascalCase('_')).toBe('__');
  });
});
