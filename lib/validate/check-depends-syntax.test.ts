import { describe, expect, it } from 'vitest';
import { checkDependsSyntax } from './check-depends-syntax';

describe('checkDependsSyntax', () => {
  it('accepts names, results, negation, && and || with parentheses', () => {
    expect(checkDependsSyntax('A')).toBeUndefined();
    expect(checkDependsSyntax('(A.Succeeded || B-2.Failed) && !C.Skipped')).toBeUndefined();
    expect(checkDependsSyntax('!(a && b) || c.AnySucceeded')).toBeUndefined();
  });

  it('explains where the expression breaks', () => {
    expect(checkDependsSyntax('A &&')).toBe('expected a task name but found end of expression');
    expect(checkDependsSyntax('(A || B')).toBe("expected ')' but found end of expression");
    expect(checkDependsSyntax('A B')).toBe("unexpected 'B' at position 3");
    expect(checkDependsSyntax('A & B')).toBe("unexpected '&' at position 3");
    expect(checkDependsSyntax('A == B')).toBe("unexpected '=' at position 3");
  });
});
