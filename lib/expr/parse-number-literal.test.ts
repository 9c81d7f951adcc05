import { describe, expect, it } from 'vitest';
import { parseNumberLiteral } from './parse-number-literal';

describe('parseNumberLiteral', () => {
  it.each([
    ['42', { kind: 'int', value: 42n }],
    ['1_000', { kind: 'int', value: 1000n }],
    ['0x2A', { kind: 'int', value: 42n }],
    ['0b101010', { kind: 'int', value: 42n }],
    ['0o52', { kind: 'int', value: 42n }],
    ['007', { kind: 'int', value: 7n }],
    ['0.5', { kind: 'float', value: 0.5 }],
    ['.5', { kind: 'float', value: 0.5 }],
    ['1e3', { kind: 'float', value: 1000 }],
    ['9223372036854775807', { kind: 'int', value: 9223372036854775807n }],
  ])('parses %s', (text, literal) => {
    expect(parseNumberLiteral(text)).toEqual(literal);
  });

  it.each([
    ['9223372036854775808', 'invalid integer literal: strconv.ParseInt: parsing "9223372036854775808": value out of range'],
    ['0x', 'invalid hex literal'],
    ['1e', 'invalid float literal'],
    ['1e400', 'float literal is too large'],
  ])('rejects %s', (text, message) => {
    expect(parseNumberLiteral(text)).toContain(message);
  });
});
