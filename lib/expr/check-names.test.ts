import { describe, expect, it } from 'vitest';
import { checkNames, collectVariables } from './check-names';
import { parseExpr } from './parse-expr';

describe('checkNames', () => {
  const check = (source: string, env: Record<string, null> = { a: null }) => () => checkNames(parseExpr(source), env, source);

  it('rejects unknown names even on branches that never run, like expr-lang compilation', () => {
    expect(check('false && missing')).toThrow('unknown name missing at 10 in "false && missing"');
    expect(check('missing(1)')).toThrow('unknown name missing');
  });

  it('accepts environment names, $env, let variables and builtins', () => {
    expect(check('a ?? $env')).not.toThrow();
    expect(check('let x = 1; x + len([])')).not.toThrow();
    expect(check('map([1], #)')).not.toThrow();
  });

  it('refuses to redeclare a name', () => {
    expect(check('let a = 1; a')).toThrow('cannot redeclare a');
  });
});

describe('collectVariables (Argo getIdentifiers)', () => {
  it.each([
    ['item.requiredKey', ['item', 'item.requiredKey']],
    ["item.optionalKey ?? 'fallback'", ['item']],
    ["item['optionalKey'] ?? ''", ['item']],
    ['item?.optionalKey', ['item']],
    ['item.a?.b', ['item']],
    ["item.requiredKey + (item.optionalKey ?? 'x')", ['item', 'item.requiredKey']],
    ["tasks.a.outputs.result ?? 'default'", ['tasks']],
    ['sprig.upper(item)', ['sprig', 'sprig.upper', 'item']],
    ['"workflow.status" == "Succeeded"', []],
    ['inputs.parameters["my-param"]', ['inputs', 'inputs.parameters', 'inputs.parameters.my-param']],
  ])('%s', (source, expected) => {
    expect(collectVariables(parseExpr(source)).sort()).toEqual([...expected].sort());
  });
});
