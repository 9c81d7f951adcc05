import { describe, expect, it } from 'vitest';
import { toParameterFields } from './parameter-fields';
import { parseLabels, validateBuildForm } from './validate-build';

const fields = toParameterFields([
  { name: 'branch' },
  { name: 'environment', value: 'staging', enum: ['staging', 'production'] },
]);

describe('validateBuildForm', () => {
  it('reports every problem at once, beside its field', () => {
    expect(validateBuildForm(fields, { parameters: { branch: '', environment: 'qa' }, labels: 'bad', entrypoint: 'nope' }, ['main'])).toEqual({
      branch: 'Required: the template gives this parameter no default.',
      environment: 'Must be one of: staging, production.',
      labels: '"bad" must be key=value',
      entrypoint: 'The template has no template named "nope".',
    });
  });

  it('accepts a complete form', () => {
    expect(validateBuildForm(fields, { parameters: { branch: 'main', environment: 'production' }, labels: 'team=a', entrypoint: 'main' }, ['main'])).toEqual({});
  });
});

describe('parseLabels', () => {
  it('reads key=value pairs, with prefixes and empty values', () => {
    expect(parseLabels(' team=a, example.com/owner=me ,empty=')).toEqual({ labels: { team: 'a', 'example.com/owner': 'me', empty: '' } });
    expect(parseLabels('')).toEqual({ labels: {} });
  });

  it('refuses keys and values Kubernetes would refuse', () => {
    expect(parseLabels('a b=c')).toHaveProperty('error');
    expect(parseLabels(`k=${'x'.repeat(64)}`)).toHaveProperty('error');
    expect(parseLabels('k=-x')).toHaveProperty('error');
    expect(parseLabels('Bad_Prefix/k=v')).toHaveProperty('error');
  });
});
