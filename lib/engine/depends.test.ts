import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateBool, type ValueMap } from '../expr';
import { evaluateDepends, evaluatePlainDepends } from './depends';

const results = ['Succeeded', 'Failed', 'Errored', 'Skipped', 'Omitted', 'Daemoned', 'AnySucceeded', 'AllFailed'];
const facts = (seed: number): ValueMap => Object.fromEntries(results.map((name, index) => [name, ((seed >> index) & 1) === 1]));
const env: ValueMap = { a: facts(0b10101010), b_1: facts(0b01010101), task_x: facts(0b11110000) };

// Formulas of the shape expanded `depends` logic has, with random spacing.
const formula: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.tuple(fc.constantFrom('a', 'b_1', 'task_x'), fc.constantFrom(...results)).map(([task, result]) => `${task}.${result}`),
    tie('node').map((inner) => `!${inner}`),
    tie('node').map((inner) => `( ${inner})`),
    fc.tuple(tie('node'), fc.constantFrom('&&', '||', ' && ', ' || '), tie('node')).map(([left, op, right]) => `${left}${op}${right}`),
  ),
})).node;

describe('evaluatePlainDepends', () => {
  it('answers as the expr-lang evaluator does on depends-shaped logic', () => {
    fc.assert(
      fc.property(formula, (source) => {
        expect(evaluatePlainDepends(source, env)).toBe(evaluateBool(source, env));
      }),
      { numRuns: 500 },
    );
  });

  it('leaves anything else to the expr-lang evaluator', () => {
    for (const source of [
      'a.Succeeded != b_1.Failed',
      'a.Unknown',
      'missing.Succeeded',
      'a.Succeeded and b_1.Failed',
      'not.Succeeded',
      'a.Succeeded\t&& b_1.Failed',
      'a . Succeeded',
      'a.Succeeded.x',
      '(a.Succeeded',
      'a.Succeeded)',
      '',
      'true',
      `${'('.repeat(100_000)}a.Succeeded${')'.repeat(100_000)}`,
    ]) {
      expect(evaluatePlainDepends(source, env), source).toBeUndefined();
    }
  });

  it('evaluates a fan-in of hundreds of tasks, and still words a bad one as expr-lang does', () => {
    const names = Array.from({ length: 600 }, (_, index) => `task-${index}`);
    const ended = Object.fromEntries(names.map((name) => [name, { ...facts(0), Succeeded: true }]));
    const logic = names.map((name) => `(${name}.Succeeded || ${name}.Skipped || ${name}.Daemoned)`).join(' && ');
    expect(evaluateDepends(logic, ended)).toBe(true);
    expect(evaluateDepends(logic, { ...ended, 'task-7': facts(0) })).toBe(false);
    expect(() => evaluateDepends('a.Nope', { a: facts(0) })).toThrow(/unable to evaluate expression 'a.Nope'/);
  });
});
