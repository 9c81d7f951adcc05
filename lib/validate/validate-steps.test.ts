import { describe, expect, it } from 'vitest';
import type { WorkflowStep } from '@/lib/generated/argo';
import { buildContainer, buildWorkflow } from './test-builders';
import { validateWorkflow } from './validate-workflow';

const consumer = buildContainer('d', { inputs: { parameters: [{ name: 'p' }] } });
const stepsWorkflow = (groups: WorkflowStep[][], extra: Record<string, unknown> = {}) =>
  buildWorkflow([{ name: 'main', steps: groups, ...extra }, buildContainer('c'), consumer]);
const errorsOf = (manifest: unknown) => validateWorkflow(manifest).errors;
const pass = (name: string, value: string, extra: Partial<WorkflowStep> = {}): WorkflowStep => ({
  name,
  template: 'd',
  arguments: { parameters: [{ name: 'p', value }] },
  ...extra,
});

describe('steps templates', () => {
  it('requires unique, valid step names', () => {
    expect(errorsOf(stepsWorkflow([[{ name: 'a', template: 'c' }], [{ name: 'a', template: 'c' }]]))).toEqual([
      { path: 'spec.templates[0].steps[1][0].name', message: "step name 'a' is not unique" },
    ]);
    expect(errorsOf(stepsWorkflow([[{ template: 'c' }]]))).toEqual([{ path: 'spec.templates[0].steps[0][0].name', message: 'step name is required' }]);
  });

  it('reports unknown templates at the step', () => {
    expect(errorsOf(stepsWorkflow([[{ name: 'a', template: 'nope' }]]))).toEqual([
      { path: 'spec.templates[0].steps[0][0].template', message: "template name 'nope' undefined" },
    ]);
  });

  it('allows one kind of loop, and count or end in a sequence', () => {
    expect(errorsOf(stepsWorkflow([[{ name: 'a', template: 'c', withItems: [1], withParam: '[1]' }]]))).toEqual([
      { path: 'spec.templates[0].steps[0][0]', message: 'only one of withItems, withParam, withSequence can be specified' },
    ]);
    expect(errorsOf(stepsWorkflow([[{ name: 'a', template: 'c', withSequence: { count: '3', end: '5' } }]]))).toEqual([
      { path: 'spec.templates[0].steps[0][0]', message: 'only one of count or end can be defined in withSequence' },
    ]);
  });

  it('knows item keys from withItems, and any key under withParam', () => {
    expect(errorsOf(stepsWorkflow([[pass('a', '{{item.foo}} {{item.[1]}}', { withItems: [{ foo: 1 }, [1, 2]] })]]))).toEqual([]);
    expect(errorsOf(stepsWorkflow([[pass('a', '{{item.bar}}', { withItems: [{ foo: 1 }] })]]))).toEqual([
      { path: 'spec.templates[0].steps[0][0].arguments.parameters[0].value', message: 'failed to resolve {{item.bar}}' },
    ]);
    expect(errorsOf(stepsWorkflow([[pass('a', '{{item.anything}}', { withParam: '["x"]' })]]))).toEqual([]);
  });

  it('only knows the outputs of earlier steps', () => {
    expect(errorsOf(stepsWorkflow([[{ name: 'a', template: 'c' }], [pass('b', '{{steps.a.outputs.result}} {{steps.a.exitCode}}')]]))).toEqual([]);
    expect(errorsOf(stepsWorkflow([[pass('b', '{{steps.a.outputs.result}}')], [{ name: 'a', template: 'c' }]]))).toEqual([
      { path: 'spec.templates[0].steps[0][0].arguments.parameters[0].value', message: 'failed to resolve {{steps.a.outputs.result}}' },
    ]);
    expect(errorsOf(stepsWorkflow([[{ name: 'a', template: 'c', when: '{{steps.b.outputs.result}} == x' }], [{ name: 'b', template: 'c' }]]))).toEqual([
      { path: 'spec.templates[0].steps[0][0].when', message: 'failed to resolve {{steps.b.outputs.result}}' },
    ]);
  });

  it('requires arguments to have values, and hooks expressions', () => {
    expect(errorsOf(stepsWorkflow([[{ name: 'a', template: 'd', arguments: { parameters: [{ name: 'p' }] } }]]))).toEqual([
      { path: 'spec.templates[0].steps[0][0].arguments.parameters[0]', message: "parameter 'p' needs a value or valueFrom" },
    ]);
    expect(errorsOf(stepsWorkflow([[{ name: 'a', template: 'c', hooks: { running: { template: 'c' } } }]]))).toEqual([
      { path: 'spec.templates[0].steps[0][0].hooks.running.expression', message: "hook 'running' needs an expression" },
    ]);
  });

  it('rejects deadlines and timeouts on steps templates', () => {
    expect(errorsOf(stepsWorkflow([[{ name: 'a', template: 'c' }]], { activeDeadlineSeconds: 5 }))).toEqual([
      { path: 'spec.templates[0].activeDeadlineSeconds', message: 'activeDeadlineSeconds is only valid for leaf templates' },
    ]);
    expect(errorsOf(stepsWorkflow([[{ name: 'a', template: 'c' }]], { timeout: '5s' }))).toEqual([
      { path: 'spec.templates[0].timeout', message: "Steps template doesn't support timeout field" },
    ]);
  });

  it('validates inline templates', () => {
    expect(errorsOf(stepsWorkflow([[{ name: 'a', inline: { container: { image: 'a' } } }]]))).toEqual([]);
    expect(errorsOf(stepsWorkflow([[{ name: 'a', inline: { container: { image: '' } } }]]))).toEqual([
      { path: 'spec.templates[0].steps[0][0].inline.container.image', message: 'image may not be empty' },
    ]);
  });
});
