import { describe, expect, it } from 'vitest';
import { diffParameters, prefillValues, toShareQuery } from './form-values';
import { toParameterFields } from './parameter-fields';

const fields = toParameterFields([
  { name: 'branch', value: 'main' },
  { name: 'environment', value: 'staging', enum: ['staging', 'production'] },
]);

describe('prefillValues', () => {
  it('starts from the template', () => {
    expect(prefillValues(fields)).toEqual({
      values: { parameters: { branch: 'main', environment: 'staging' }, labels: '', entrypoint: '' },
      ignored: [],
    });
  });

  it('takes a rebuilt build’s parameters, then the URL’s, and names what the template does not declare', () => {
    const { values, ignored } = prefillValues(fields, {
      previous: [{ name: 'branch', value: 'release' }, { name: 'environment', value: 'production' }, { name: 'gone', value: 'x' }],
      query: [['p.branch', 'feature/x'], ['p.unknown', '1'], ['labels', 'team=a'], ['entrypoint', 'deploy'], ['tab', 'ignored']],
    });
    expect(values).toEqual({ parameters: { branch: 'feature/x', environment: 'production' }, labels: 'team=a', entrypoint: 'deploy' });
    expect(ignored).toEqual(['gone', 'unknown']);
  });
});

describe('toShareQuery', () => {
  it('keeps only what differs from the template, and reopens the same form', () => {
    const values = { parameters: { branch: 'a b&c', environment: 'staging' }, labels: ' team=a ', entrypoint: '' };
    const query = toShareQuery(fields, values);
    expect(query).toBe('p.branch=a+b%26c&labels=team%3Da');
    expect(prefillValues(fields, { query: new URLSearchParams(query) }).values).toEqual({ ...values, labels: 'team=a' });
  });

  it('is empty for an untouched form', () => {
    expect(toShareQuery(fields, prefillValues(fields).values)).toBe('');
  });
});

describe('diffParameters', () => {
  it('lists changed, added and removed parameters', () => {
    expect(diffParameters(
      [{ name: 'a', value: '1' }, { name: 'b', value: '2' }, { name: 'c', value: '3' }],
      [{ name: 'a', value: '1' }, { name: 'b', value: '4' }, { name: 'd', value: '5' }],
    )).toEqual([{ name: 'b', before: '2', after: '4' }, { name: 'd', after: '5' }, { name: 'c', before: '3' }]);
  });

  it('is empty when nothing changed or there is no previous build', () => {
    expect(diffParameters([{ name: 'a', value: '1' }], [{ name: 'a', value: '1' }])).toEqual([]);
    expect(diffParameters(undefined, undefined)).toEqual([]);
  });
});
