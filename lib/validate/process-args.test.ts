import { describe, expect, it } from 'vitest';
import { createPlaceholders } from './placeholders';
import { processArgs, toArgumentSource, toFakeArguments } from './process-args';

const globals = new Map([['workflow.name', 'wf-1']]);
const none = new Map<string, string>();

describe('processArgs', () => {
  it('binds arguments over defaults and substitutes inputs, globals and locals', () => {
    const template = {
      name: 't',
      inputs: { parameters: [{ name: 'a', value: 'default' }, { name: 'b' }] },
      container: { image: 'x', args: ['{{inputs.parameters.a}} {{inputs.parameters.b}} {{workflow.name}} {{pod.name}} {{=keep}}'] },
    };
    const result = processArgs(template, toArgumentSource({ parameters: [{ name: 'b', value: 'given' }] }), globals, new Map([['pod.name', 'p']]));
    expect(result).toMatchObject({ container: { args: ['default given wf-1 p {{=keep}}'] } });
  });

  it('gives every input a placeholder under fake arguments', () => {
    const template = { name: 't', inputs: { parameters: [{ name: 'a' }] }, container: { image: 'x', args: ['{{inputs.parameters.a}}'] } };
    expect(processArgs(template, toFakeArguments(createPlaceholders()), globals, none)).toMatchObject({
      container: { args: ['__argo__internal__placeholder-0'] },
    });
  });

  it('reports inputs nothing supplies', () => {
    const params = { name: 't', inputs: { parameters: [{ name: 'a' }] }, container: { image: 'x' } };
    expect(processArgs(params, toArgumentSource(undefined), globals, none)).toBe('inputs.parameters.a was not supplied');
    const artifacts = { name: 't', inputs: { artifacts: [{ name: 'f', path: '/f' }] }, container: { image: 'x' } };
    expect(processArgs(artifacts, toArgumentSource(undefined), globals, none)).toBe('inputs.artifacts.f was not supplied');
    const optional = { name: 't', inputs: { artifacts: [{ name: 'f', path: '/f', optional: true }] }, container: { image: 'x' } };
    expect(processArgs(optional, toArgumentSource(undefined), globals, none)).toMatchObject({ name: 't' });
  });

  it('fails on a {{ with no }} anywhere after it in the JSON, as fasttemplate does', () => {
    // Usually the JSON's own closing braces end the tag; here nothing follows the name but one brace.
    const template = { container: { image: 'x' }, name: '{{broken' };
    expect(processArgs(template, toArgumentSource(undefined), globals, none)).toMatch(/^cannot find end tag/);
  });
});
