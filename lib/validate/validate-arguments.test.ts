import { describe, expect, it } from 'vitest';
import { validateArguments } from './validate-arguments';

describe('validateArguments', () => {
  it('requires values unless empty values are allowed', () => {
    expect(validateArguments('a', { parameters: [{ name: 'p' }] }, false)).toEqual({ path: 'a.parameters[0]', message: "parameter 'p' needs a value or valueFrom" });
    expect(validateArguments('a', { parameters: [{ name: 'p' }] }, true)).toBeUndefined();
    expect(validateArguments('a', { parameters: [{ name: 'p', valueFrom: { configMapKeyRef: { name: 'c', key: 'k' } } }] }, false)).toBeUndefined();
  });

  it('checks enums', () => {
    expect(validateArguments('a', { parameters: [{ name: 'p', value: 'x', enum: [] }] }, false)).toEqual({ path: 'a.parameters[0].enum', message: 'enum should contain at least one value' });
    const fromConfigMap = { configMapKeyRef: { name: 'c', key: 'k' } };
    expect(validateArguments('a', { parameters: [{ name: 'p', valueFrom: fromConfigMap, enum: ['x'] }] }, false)).toEqual({
      path: 'a.parameters[0].value',
      message: "parameter 'p' needs a value",
    });
    expect(validateArguments('a', { parameters: [{ name: 'p', value: 'x', enum: ['x'] }] }, false)).toBeUndefined();
  });

  it('requires artifacts to come from somewhere, one way', () => {
    expect(validateArguments('a', { artifacts: [{ name: 'f' }] }, false)).toEqual({ path: 'a.artifacts[0]', message: "artifact 'f' needs from, an artifact location or a key" });
    expect(validateArguments('a', { artifacts: [{ name: 'f', from: '{{steps.s.outputs.artifacts.f}}', fromExpression: 'x' }] }, false)).toEqual({
      path: 'a.artifacts[0]',
      message: "artifact cannot have both 'from' and 'fromExpression'",
    });
  });

  it('checks names first', () => {
    expect(validateArguments('a', { parameters: [{ name: 'p' }, { name: 'p' }] }, true)).toEqual({ path: 'a.parameters[1].name', message: "name 'p' is not unique" });
  });
});
