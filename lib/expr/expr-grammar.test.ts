import { describe, expect, it } from 'vitest';
import { BINARY, BUILTIN_NAMES, PREDICATE_BUILTINS, UNARY } from './expr-grammar';

describe('expr-grammar', () => {
  it('orders operators as expr-lang does', () => {
    const power = (op: string) => BINARY[op]?.precedence ?? -1;
    expect(power('or')).toBeLessThan(power('and'));
    expect(power('and')).toBeLessThan(power('=='));
    expect(power('==')).toBeLessThan(power('..'));
    expect(power('..')).toBeLessThan(power('+'));
    expect(power('+')).toBeLessThan(power('*'));
    expect(power('*')).toBeLessThan(power('**'));
    expect(power('**')).toBeLessThan(power('??'));
    expect(UNARY['!']?.precedence).toBeLessThan(UNARY['-']?.precedence ?? 0);
    expect(BINARY['**']?.rightAssociative).toBe(true);
  });

  it('knows which builtins take predicates', () => {
    expect(PREDICATE_BUILTINS.filter).toEqual(['expr', 'predicate']);
    expect(BUILTIN_NAMES.has('filter')).toBe(true);
    expect(BUILTIN_NAMES.has('len')).toBe(true);
    expect(BUILTIN_NAMES.has('toJson')).toBe(false); // Argo's toJson is an environment function, not a builtin
  });
});
