import { describe, expect, it } from 'vitest';
import { expandDottedKeys, toExpressionEnv } from './argo-env';
import { checkNames } from './check-names';
import { evaluateAst } from './evaluate-expr';
import { parseExpr } from './parse-expr';
import type { Value, ValueMap } from './value';

function run(source: string, env: ValueMap): Value {
  const ast = parseExpr(source);
  checkNames(ast, env, source);
  return evaluateAst(ast, env, source);
}

describe('expandDottedKeys', () => {
  it('nests dotted names', () => {
    expect(expandDottedKeys({ 'inputs.parameters.x': '1', 'inputs.parameters.my-param': '2', 'workflow.name': 'wf' }))
      .toEqual({ inputs: { parameters: { x: '1', 'my-param': '2' } }, workflow: { name: 'wf' } });
  });

  it('drops a key that also has children, as Argo does', () => {
    expect(expandDottedKeys({ item: '{"a":1}', 'item.a': '1' })).toEqual({ item: { a: '1' } });
    expect(expandDottedKeys({ a: 'x', 'a-b': 'y' })).toEqual({ a: 'x', 'a-b': 'y' });
  });

  it('keeps nil values', () => {
    expect(expandDottedKeys({ 'tasks.a.out': null })).toEqual({ tasks: { a: { out: null } } });
  });
});

describe('toExpressionEnv', () => {
  const env = toExpressionEnv({
    'inputs.parameters.foo': '3',
    'inputs.parameters.should-print': 'true',
    'steps.flip-coin.outputs.result': 'heads',
    'workflow.parameters.json': '[{"value": "true"}]',
  });

  it('exposes Argo helper functions', () => {
    expect(run('asInt(inputs.parameters.foo) * 10', env)).toBe(30n);
    expect(run('asFloat(inputs.parameters.foo) / 2', env)).toBe(1.5);
    expect(run('toJson([1, "a"])', env)).toBe('[1,"a"]');
    expect(run("jsonpath(workflow.parameters.json, '$[0].value') == 'true'", env)).toBe(true);
    expect(run('sprig.upper(steps["flip-coin"].outputs.result)', env)).toBe('HEADS');
  });

  it('reaches names with dashes through brackets', () => {
    expect(run('inputs.parameters["should-print"] == \'true\'', env)).toBe(true);
  });

  it('checks helper arguments', () => {
    expect(() => run('asInt()', env)).toThrow('invalid number of arguments for asInt');
    expect(() => run('jsonpath(1, "$")', env)).toThrow('jsonpath takes a JSON string and a path string');
  });
});
