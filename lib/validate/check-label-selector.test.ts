import { describe, expect, it } from 'vitest';
import { checkLabelSelector } from './check-label-selector';

describe('checkLabelSelector', () => {
  it('accepts well-formed selectors', () => {
    expect(checkLabelSelector({ matchLabels: { 'app.kubernetes.io/name': 'web' } })).toBeUndefined();
    expect(checkLabelSelector({ matchExpressions: [{ key: 'should-delete', operator: 'In', values: ['true'] }] })).toBeUndefined();
  });

  it('rejects unknown operators, bad keys and wrong value counts', () => {
    expect(checkLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Equals' }] })).toEqual({
      field: 'matchExpressions[0].operator',
      message: '"Equals" is not a valid label selector operator',
    });
    expect(checkLabelSelector({ matchLabels: { 'a b': 'x' } })?.message).toMatch(/^invalid label key "a b"/);
    expect(checkLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] })?.message).toBe('for In and NotIn operators, values set cannot be empty');
    expect(checkLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] })?.field).toBe('matchExpressions[0].values');
  });
});
