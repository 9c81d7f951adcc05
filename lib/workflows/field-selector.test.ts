import { describe, expect, it } from 'vitest';
import { matchesFields, parseFieldSelector } from './field-selector';
import { toNodeFields } from './node-fields';

describe('parseFieldSelector', () => {
  it('parses =, == and != terms', () => {
    expect(parseFieldSelector('a=b,c==d,e!=f')).toEqual([
      { field: 'a', operator: '=', value: 'b' },
      { field: 'c', operator: '=', value: 'd' },
      { field: 'e', operator: '!=', value: 'f' },
    ]);
  });

  it('honours escapes and skips empty terms', () => {
    expect(parseFieldSelector('name=a\\,b,,x=y=z')).toEqual([
      { field: 'name', operator: '=', value: 'a,b' },
      { field: 'x', operator: '=', value: 'y=z' },
    ]);
  });

  it('rejects a term without an operator', () => {
    expect(() => parseFieldSelector('phase')).toThrow("invalid selector: 'phase'; can't understand 'phase'");
  });
});

describe('matchesFields', () => {
  const fields = toNodeFields({
    id: 'wf-1', name: 'wf[0].approve', type: 'Suspend', displayName: 'approve', phase: 'Running', templateName: 'approve',
    inputs: { parameters: [{ name: 'who', value: 'alice' }] },
  });

  it('matches node fields', () => {
    expect(matchesFields(fields, parseFieldSelector('displayName=approve'))).toBe(true);
    expect(matchesFields(fields, parseFieldSelector('inputs.parameters.who.value=alice,phase!=Succeeded'))).toBe(true);
    expect(matchesFields(fields, parseFieldSelector('templateRef.name=x'))).toBe(false);
    expect(matchesFields(fields, parseFieldSelector('templateRef.name='))).toBe(true);
  });
});
