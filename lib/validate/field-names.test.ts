import { describe, expect, it } from 'vitest';
import { checkFieldNames, checkParamOrArtifactName, checkWorkflowFieldName } from './field-names';

describe('checkWorkflowFieldName', () => {
  it('accepts alphanumerics and dashes starting with an alphanumeric', () => {
    expect(checkWorkflowFieldName('My-name1-2')).toBeUndefined();
    expect(checkWorkflowFieldName('123-NAME')).toBeUndefined();
  });

  it('rejects underscores, leading dashes and over-long names', () => {
    expect(checkWorkflowFieldName('my_name')).toMatch(/^name must consist of alpha-numeric/);
    expect(checkWorkflowFieldName('-a')).toMatch(/^name must consist/);
    expect(checkWorkflowFieldName('a'.repeat(129))).toBe('must be no more than 128 characters');
  });
});

describe('checkParamOrArtifactName', () => {
  it('allows underscores and leading dashes but not dots', () => {
    expect(checkParamOrArtifactName('_my-param_1')).toBeUndefined();
    expect(checkParamOrArtifactName('a.b')).toMatch(/^Parameter\/Artifact name must consist/);
  });
});

describe('checkFieldNames', () => {
  it('reports the first empty, invalid or repeated name with its index', () => {
    expect(checkFieldNames(['a', ''], 'field')).toEqual({ index: 1, message: 'name is required' });
    expect(checkFieldNames(['a', 'a'], 'field')).toEqual({ index: 1, message: "name 'a' is not unique" });
    expect(checkFieldNames(['a_b'], 'field')?.message).toMatch(/^name 'a_b' is invalid: name must consist/);
    expect(checkFieldNames(['a_b'], 'param-or-artifact')).toBeUndefined();
  });
});
