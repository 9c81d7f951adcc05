import { describe, expect, it } from 'vitest';
import { evaluateBool, evaluateExpression, evaluateWhen, ExpressionError, GoTime, substituteTemplate, toExpressionEnv, toGoJson, toPlainValue } from './index';

describe('public API', () => {
  const env = toExpressionEnv({ 'inputs.parameters.x': '4', 'steps.a.outputs.result': 'ok', item: 'b' });

  it('evaluates expr-lang expressions against an Argo environment', () => {
    expect(evaluateExpression('asInt(inputs.parameters.x) + 1', env)).toBe(5n);
    expect(evaluateExpression('item in ["a", "b"] ? steps.a.outputs.result : "no"', env)).toBe('ok');
    expect(toPlainValue(evaluateExpression('map(1..3, # * 2)', env))).toEqual([2, 4, 6]);
    expect(toGoJson(evaluateExpression('{"n": 1.0, "i": 1}', env))).toBe('{"i":1,"n":1}');
  });

  it('rejects unknown names like expr-lang compilation does', () => {
    expect(() => evaluateExpression('missing ?? 1', env)).toThrow(ExpressionError);
    expect(() => evaluateExpression('missing ?? 1', env)).toThrow('unknown name missing at 1 in "missing ?? 1"');
  });

  it('evaluates booleans for hooks and retry strategies', () => {
    expect(evaluateBool('steps.a.outputs.result == "ok"', env)).toBe(true);
    expect(() => evaluateBool('1', env)).toThrow("unable to cast expression result 'int' to bool");
  });

  it('passes the clock to now()', () => {
    const now = new Date('2024-01-01T00:00:00Z');
    expect(evaluateExpression('now()', env, { now })).toEqual(new GoTime(BigInt(now.getTime()) * 1_000_000n));
    expect(() => evaluateExpression('now()', env)).toThrow('now() needs a clock');
  });

  it('exposes when evaluation and template substitution', () => {
    expect(evaluateWhen(substituteTemplate('{{steps.a.outputs.result}} == ok', { 'steps.a.outputs.result': 'ok' }))).toEqual({ ok: true, value: true });
  });
});
