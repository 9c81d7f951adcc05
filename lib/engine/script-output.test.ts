import { expect, it } from 'vitest';
import { isResultReferenced, toStepOrTaskName } from './script-output';

it('extracts step and task names as Argo does', () => {
  expect(toStepOrTaskName('wf[0].fanout(0:1)(0)[0]')).toBe('fanout');
  expect(toStepOrTaskName('wf.divide-by-2(1:evenness:even,num:2)')).toBe('divide-by-2');
  expect(toStepOrTaskName('wf')).toBe('wf');
});

it('finds references to a step result in the parent template', () => {
  const dag = { name: 'main', dag: { tasks: [{ name: 'b', template: 't', arguments: { parameters: [{ name: 'x', value: '{{tasks.a.outputs.result}}' }] } }] } };
  expect(isResultReferenced('wf.a', dag)).toBe(true);
  expect(isResultReferenced('wf.b', dag)).toBe(false);
  const steps = { name: 'main', steps: [[{ name: 'b', template: 't', when: "{{= steps['gen-1'].outputs.result == 'x' }}" }]] };
  expect(isResultReferenced('wf[0].gen-1', steps)).toBe(true);
  expect(isResultReferenced('wf[0].gen', undefined)).toBe(false);
});
