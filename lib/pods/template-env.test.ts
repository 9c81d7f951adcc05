import { describe, expect, it } from 'vitest';
import { toTemplateEnvValue } from './template-env';

describe('toTemplateEnvValue', () => {
  it("writes the hello-world template exactly as Argo's controller does", () => {
    expect(toTemplateEnvValue({ name: 'main', container: { image: 'busybox', command: ['echo', 'hello'] } })).toBe(
      '{"name":"main","inputs":{},"outputs":{},"metadata":{},"container":{"name":"","image":"busybox","command":["echo","hello"],"resources":{}}}',
    );
  });

  it('keeps input artifacts and the outputs, drops input parameters', () => {
    const value = JSON.parse(toTemplateEnvValue({
      name: 't',
      inputs: { parameters: [{ name: 'p', value: 'v' }], artifacts: [{ name: 'a', path: '/a' }] },
      outputs: { parameters: [{ name: 'o', valueFrom: { path: '/o' } }] },
      script: { image: 'python', source: 'print(1)' },
    }));
    expect(value.inputs).toEqual({ artifacts: [{ name: 'a', path: '/a' }] });
    expect(value.outputs.parameters[0].name).toBe('o');
    expect(value.script).toEqual({ name: '', image: 'python', resources: {}, source: 'print(1)' });
  });
});
