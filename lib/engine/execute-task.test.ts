import { describe, expect, it } from 'vitest';
import { createdPods, stepWorkflow } from './testing/step-workflow';

describe('http templates', () => {
  const yaml = `
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: call, template: call}
  - name: call
    http: {url: "http://example.test/{{workflow.name}}", successCondition: "response.statusCode == 200"}
`;

  it('makes an HTTP node, asks for the request, and takes the answer as outputs.result', () => {
    const stepper = stepWorkflow(yaml);
    const first = stepper.reconcile();
    const node = stepper.node('call');
    expect(node).toMatchObject({ type: 'HTTP', phase: 'Pending', templateName: 'call' });
    expect(createdPods(first.actions)).toEqual([expect.objectContaining({ nodeId: node.id, template: expect.objectContaining({ http: expect.objectContaining({ url: 'http://example.test/wf' }) }) })]);
    const done = stepper.reconcile({ [node.id]: { phase: 'Succeeded', outputs: { result: '{"ok":true}' } } });
    expect(done.status.nodes![node.id]).toMatchObject({ phase: 'Succeeded', outputs: { result: '{"ok":true}' } });
    expect(done.status.nodes![node.id]!.taskResultSynced).toBeUndefined();
    expect(done.status.phase).toBe('Succeeded');
  });

  it('refuses plugin templates clearly, as no executor plugin is configured', () => {
    const output = stepWorkflow(`
spec:
  entrypoint: main
  templates:
  - name: main
    plugin: {hello: {}}
`).reconcile();
    expect(output.status.phase).toBe('Error');
    expect(Object.values(output.status.nodes!)[0]!.message).toMatch(/plugin templates need an executor plugin, and none is configured/);
  });
});
