import { describe, expect, it } from 'vitest';
import { reconcileWorkflow } from './reconcile';
import { workflowFromYaml } from './testing/build-workflow';

const now = new Date('2026-01-01T00:00:00Z');

describe('http templates', () => {
  const workflow = workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: call, template: call}
  - name: call
    http: {url: "http://example.test/{{workflow.name}}", successCondition: "response.statusCode == 200"}
`);

  it('makes an HTTP node, asks for the request, and takes the answer as outputs.result', () => {
    const first = reconcileWorkflow({ workflow, pods: {}, now });
    const node = Object.values(first.status.nodes!).find((n) => n.displayName === 'call')!;
    expect(node).toMatchObject({ type: 'HTTP', phase: 'Pending', templateName: 'call' });
    const action = first.actions.find((a) => a.type === 'createPod');
    expect(action).toMatchObject({ type: 'createPod', nodeId: node.id, template: { http: { url: 'http://example.test/wf' } } });
    const done = reconcileWorkflow({ workflow: { ...workflow, status: first.status }, pods: { [node.id]: { phase: 'Succeeded', outputs: { result: '{"ok":true}' } } }, now });
    expect(done.status.nodes![node.id]).toMatchObject({ phase: 'Succeeded', outputs: { result: '{"ok":true}' } });
    expect(done.status.nodes![node.id]!.taskResultSynced).toBeUndefined();
    expect(done.status.phase).toBe('Succeeded');
  });

  it('refuses plugin templates clearly, as no executor plugin is configured', () => {
    const output = reconcileWorkflow({ workflow: workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    plugin: {hello: {}}
`), pods: {}, now });
    expect(output.status.phase).toBe('Error');
    expect(Object.values(output.status.nodes!)[0]!.message).toMatch(/plugin templates need an executor plugin, and none is configured/);
  });
});
