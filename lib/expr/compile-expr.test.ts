import { describe, expect, it } from 'vitest';
import { checkExpr, compileExpr } from './compile-expr';
import { parseExpr } from './parse-expr';

describe('compileExpr', () => {
  const env = { s: 'abc', m: { a: 1n } };

  it('parses and checks names and types like expr-lang compilation', () => {
    expect(compileExpr('m.a + 1', env).kind).toBe('binary');
    expect(() => compileExpr('missing', env)).toThrow('unknown name missing');
    expect(() => compileExpr('s == 1', env)).toThrow('mismatched types string and int');
    expect(() => compileExpr('1 +', env)).toThrow('unexpected end of expression');
  });

  it('checks an already parsed tree', () => {
    expect(() => checkExpr(parseExpr('s + 1'), env, 's + 1')).toThrow('invalid operation: + (mismatched types string and int)');
  });
});
