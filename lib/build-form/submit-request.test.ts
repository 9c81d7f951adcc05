import { describe, expect, it } from 'vitest';
import { toParameterFields } from './parameter-fields';
import { submittableSpec } from './submittable-spec';
import { toSubmitRequest } from './submit-request';

describe('toSubmitRequest', () => {
  it('sends every parameter, the normalised labels and the entrypoint', () => {
    const fields = toParameterFields([{ name: 'branch', value: 'main' }, { name: 'script', value: 'a=b\nc' }]);
    expect(toSubmitRequest('WorkflowTemplate', 'ci', fields, { parameters: { branch: 'dev' }, labels: ' team = a ,x=y', entrypoint: 'build' })).toEqual({
      resourceKind: 'WorkflowTemplate',
      resourceName: 'ci',
      submitOptions: { parameters: ['branch=dev', 'script=a=b\nc'], labels: 'team=a,x=y', entrypoint: 'build' },
    });
  });

  it('sends no options for a template without parameters', () => {
    expect(toSubmitRequest('CronWorkflow', 'nightly', [], { parameters: {}, labels: '', entrypoint: '' }).submitOptions).toEqual({});
  });
});

describe('submittableSpec', () => {
  it('reads a template’s spec and a cron workflow’s workflowSpec', () => {
    const spec = { entrypoint: 'main', arguments: { parameters: [{ name: 'a' }] }, templates: [{ name: 'main' }, { name: 'other' }] };
    const expected = { parameters: [{ name: 'a' }], entrypoint: 'main', templateNames: ['main', 'other'] };
    expect(submittableSpec({ kind: 'WorkflowTemplate', metadata: {}, spec })).toEqual(expected);
    expect(submittableSpec({ kind: 'CronWorkflow', metadata: {}, spec: { schedules: ['* * * * *'], workflowSpec: spec } })).toEqual(expected);
    expect(submittableSpec({ metadata: {} })).toEqual({ parameters: [], templateNames: [] });
  });
});
