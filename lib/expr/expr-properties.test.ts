import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateExpression, evaluateWhen, ExpressionError, substituteTemplate, toExpressionEnv } from './index';

// Whatever the text, the evaluators answer or refuse with an ExpressionError (which becomes a node's message):
// never a TypeError, a RangeError from runaway recursion, or a hang. Inputs are built from expr-lang's own tokens,
// so most of them get past the tokenizer and exercise the parser, the checker and the evaluator.
const tokens = [
  'a', 'b', 'items', 'x.y', 'inputs.parameters.n', '1', '0', '-1', '2.5', '1e3', '"s"', "'t'", '`u`', 'true', 'false', 'nil',
  '+', '-', '*', '/', '%', '**', '^', '(', ')', '[', ']', '{', '}', ',', ':', '.', '?.', '?', '??', '..', '|', '#', '#index',
  '==', '!=', '<', '>=', '&&', '||', '!', 'and', 'or', 'not', 'in', 'matches', 'contains', 'startsWith', 'let', ';', '=',
  'len(', 'map(', 'filter(', 'all(', 'sum(', 'int(', 'string(', 'toJson(', 'fromJson(', 'sprig.', 'upper(', 'split(',
  'now()', 'duration(', 'date(', 'jsonpath(', 'asInt(', 'asFloat(', ' ', '\\', '"', "'",
];
const exprText = fc.oneof(fc.array(fc.constantFrom(...tokens), { maxLength: 14 }).map((parts) => parts.join('')), fc.string({ maxLength: 30 }));
const values = { a: '1', b: 'text', items: '[1,2,3]', 'x.y': '{"k":[1]}', 'inputs.parameters.n': '3' };
const env = toExpressionEnv(values, { now: new Date('2026-01-01T00:00:00Z') });

function onlyExpressionErrors(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
  }
}

describe('expression evaluators on arbitrary text', { timeout: 30_000 }, () => {
  it('expr-lang: a value or an ExpressionError', () => {
    fc.assert(fc.property(exprText, (source) => onlyExpressionErrors(() => evaluateExpression(source, env))), { numRuns: 800 });
  });

  it('govaluate `when`: a result, never a throw', () => {
    fc.assert(fc.property(exprText, (source) => {
      const result = evaluateWhen(source);
      expect(typeof result.ok).toBe('boolean');
    }), { numRuns: 800 });
  });

  it('template substitution: text or an ExpressionError, for plain and expression tags', () => {
    const tagged = fc.tuple(fc.string({ maxLength: 6 }), exprText, fc.constantFrom('{{', '{{=', '{{ ')).map(([before, inner, open]) => `${before}${open}${inner}}}`);
    fc.assert(fc.property(tagged, (text) => {
      onlyExpressionErrors(() => substituteTemplate(text, values, { unresolved: 'keep', now: new Date('2026-01-01T00:00:00Z') }));
      onlyExpressionErrors(() => substituteTemplate(text, values, { unresolved: 'error', escape: 'json' }));
    }), { numRuns: 600 });
  });
});
