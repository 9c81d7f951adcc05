import { describe, expect, it } from 'vitest';
import { reconcileWorkflow } from './reconcile';
import { workflowFromYaml } from './testing/build-workflow';
import { simulateWorkflow } from './testing/simulate';
import { nodesBy, testStart } from './testing/step-workflow';

const byDisplayName = (nodes: Parameters<typeof nodesBy>[0]) => nodesBy(nodes, 'displayName');
const helloWorkflow = () => workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    container: {image: busybox, command: [echo, hello]}
`, 'hello');

describe('reconcileWorkflow', () => {
  it('starts a container workflow: Running, one Pending pod node, one createPod action', () => {
    const workflow = helloWorkflow();
    const output = reconcileWorkflow({ workflow, pods: {}, now: testStart });
    expect(output.status.phase).toBe('Running');
    expect(output.status.startedAt).toBe('2026-01-01T00:00:00Z');
    expect(output.status.nodes).toEqual({
      hello: {
        id: 'hello', name: 'hello', displayName: 'hello', type: 'Pod', templateName: 'main', templateScope: 'local/hello',
        phase: 'Pending', startedAt: '2026-01-01T00:00:00Z', progress: '0/1',
      },
    });
    expect(output.actions).toEqual([
      expect.objectContaining({ type: 'createPod', nodeId: 'hello', podName: 'hello', nodeName: 'hello', newNode: true }),
    ]);
    // The same input decides the same thing.
    expect(reconcileWorkflow({ workflow, pods: {}, now: testStart })).toEqual(output);
  });

  it('asks again for the pod of a saved Pending node whose pod was never seen, as not a new node', () => {
    const workflow = helloWorkflow();
    const first = reconcileWorkflow({ workflow, pods: {}, now: testStart });
    const again = reconcileWorkflow({ workflow: { ...workflow, status: first.status }, pods: {}, now: testStart });
    // A pod already named for the node is then this run's (created before a restart), not one to replace.
    expect(again.actions).toEqual([expect.objectContaining({ type: 'createPod', nodeId: 'hello', newNode: false })]);
  });

  it("matches Argo's nodes for a DAG whose second task fails (observed from Argo v3.7.9)", () => {
    const workflow = workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      tasks:
      - {name: a, template: ok}
      - {name: b, template: bad, depends: a}
  - name: ok
    container: {image: busybox}
  - name: bad
    container: {image: busybox}
`, 'failing-dag-5l84r');
    const { workflow: done } = simulateWorkflow(workflow, ({ template }) =>
      template.name === 'bad' ? { phase: 'Failed', exitCode: 3, message: 'main: Error (exit code 3)' } : {});
    const status = done.status!;
    expect(status.phase).toBe('Failed');
    expect(status.progress).toBe('1/2');
    const root = status.nodes!['failing-dag-5l84r']!;
    expect(root).toMatchObject({ type: 'DAG', phase: 'Failed', progress: '1/2', children: ['failing-dag-5l84r-2595736803'], outboundNodes: ['failing-dag-5l84r-2612514422'] });
    expect(status.nodes!['failing-dag-5l84r-2595736803']).toMatchObject({
      name: 'failing-dag-5l84r.a', displayName: 'a', type: 'Pod', templateName: 'ok', phase: 'Succeeded', boundaryID: 'failing-dag-5l84r',
      progress: '1/1', outputs: { exitCode: '0' }, children: ['failing-dag-5l84r-2612514422'], taskResultSynced: true,
    });
    expect(status.nodes!['failing-dag-5l84r-2612514422']).toMatchObject({
      name: 'failing-dag-5l84r.b', displayName: 'b', phase: 'Failed', message: 'main: Error (exit code 3)', progress: '0/1', outputs: { exitCode: '3' },
    });
    expect(status.conditions).toEqual([{ type: 'PodRunning', status: 'False' }, { type: 'Completed', status: 'True' }]);
  });

  it('runs steps in groups, passing parameters and script results', () => {
    const workflow = workflowFromYaml(`
spec:
  entrypoint: main
  arguments: {parameters: [{name: who, value: world}]}
  templates:
  - name: main
    steps:
    - - name: gen
        template: gen
    - - name: print
        template: print
        arguments: {parameters: [{name: msg, value: "{{steps.gen.outputs.result}} {{workflow.parameters.who}}"}]}
  - name: gen
    script: {image: python, command: [python], source: "print('hello')"}
  - name: print
    inputs: {parameters: [{name: msg}]}
    container: {image: busybox, args: ["{{inputs.parameters.msg}}"]}
`);
    const { workflow: done, created } = simulateWorkflow(workflow, ({ template }) => (template.name === 'gen' ? { outputs: { result: 'hello' } } : {}));
    expect(done.status!.phase).toBe('Succeeded');
    expect(created.map((c) => c.template.container?.args ?? [])).toEqual([[], ['hello world']]);
    const nodes = byDisplayName(done.status!.nodes);
    expect(Object.keys(nodes).sort()).toEqual(['[0]', '[1]', 'gen', 'print', 'wf']);
    expect(nodes['[0]']).toMatchObject({ type: 'StepGroup', phase: 'Succeeded', children: [nodes['gen']!.id] });
    expect(nodes['gen']!.children).toEqual([nodes['[1]']!.id]);
    expect(nodes['wf']).toMatchObject({ type: 'Steps', outboundNodes: [nodes['print']!.id] });
    expect(nodes['print']!.inputs).toEqual({ parameters: [{ name: 'msg', value: 'hello world' }] });
  });

  it('expands withItems, withParam and withSequence loops with Argo node names', () => {
    const workflow = workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - name: items
        template: echo
        arguments: {parameters: [{name: x, value: "{{item.os}}-{{item.version}}"}]}
        withItems: [{os: debian, version: 12}, {os: alpine, version: "3.20"}]
      - name: seq
        template: echo
        arguments: {parameters: [{name: x, value: "{{item}}"}]}
        withSequence: {count: "2", start: "5", format: "n%02d"}
    - - name: gen
        template: echo
        arguments: {parameters: [{name: x, value: gen}]}
    - - name: param
        template: echo
        arguments: {parameters: [{name: x, value: "{{item}}"}]}
        withParam: "{{steps.gen.outputs.result}}"
  - name: echo
    inputs: {parameters: [{name: x}]}
    container: {image: busybox, args: ["{{inputs.parameters.x}}"]}
`);
    const { workflow: done, created } = simulateWorkflow(workflow, ({ template }) =>
      template.container?.args?.[0] === 'gen' ? { outputs: { result: '["a", "b"]' } } : {});
    expect(done.status!.phase).toBe('Succeeded');
    expect(created.map((c) => c.template.container?.args?.[0])).toEqual(['debian-12', 'alpine-3.20', 'n05', 'n06', 'gen', 'a', 'b']);
    expect(Object.keys(byDisplayName(done.status!.nodes))).toEqual(expect.arrayContaining([
      'items(0:os:debian,version:12)', 'items(1:os:alpine,version:3.20)', 'seq(0:n05)', 'seq(1:n06)', 'param(0:a)', 'param(1:b)',
    ]));
  });

  it('skips steps whose when is false, with Argo’s message', () => {
    const workflow = workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - name: flip
        template: flip
    - - name: heads
        template: echo
        when: "{{steps.flip.outputs.result}} == heads"
      - name: tails
        template: echo
        when: "{{steps.flip.outputs.result}} == tails"
  - name: flip
    script: {image: python, command: [python], source: "print('tails')"}
  - name: echo
    container: {image: busybox}
`);
    const { workflow: done } = simulateWorkflow(workflow, ({ template }) => (template.name === 'flip' ? { outputs: { result: 'tails' } } : {}));
    const nodes = byDisplayName(done.status!.nodes);
    expect(done.status!.phase).toBe('Succeeded');
    expect(nodes['heads']).toMatchObject({ type: 'Skipped', phase: 'Skipped', message: "when 'tails == heads' evaluated false" });
    expect(nodes['tails']).toMatchObject({ type: 'Pod', phase: 'Succeeded' });
  });

  it('retries a failing step up to its limit, then fails with "No more retries left"', () => {
    const workflow = workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    retryStrategy: {limit: 2}
    container: {image: busybox}
`);
    const { workflow: done, created } = simulateWorkflow(workflow, () => ({ phase: 'Failed', exitCode: 1, message: 'Error (exit code 1)' }));
    expect(created.map((c) => c.nodeName)).toEqual(['wf(0)', 'wf(1)', 'wf(2)']);
    const root = done.status!.nodes!['wf']!;
    expect(root).toMatchObject({ type: 'Retry', phase: 'Failed', message: 'No more retries left' });
    expect(done.status!.phase).toBe('Failed');
  });

  it('succeeds on a retry that passes and copies its outputs', () => {
    const workflow = workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    retryStrategy: {limit: "3", retryPolicy: Always}
    script: {image: busybox, command: [sh], source: "echo ok"}
`);
    let attempt = 0;
    const { workflow: done } = simulateWorkflow(workflow, () => (attempt++ === 0 ? { phase: 'Error', message: 'boom' } : { outputs: { result: 'ok' } }));
    expect(done.status!.phase).toBe('Succeeded');
    expect(done.status!.nodes!['wf']).toMatchObject({ type: 'Retry', phase: 'Succeeded', outputs: { result: 'ok', exitCode: '0' } });
  });

  it('runs the exit handler with workflow.status, and fails the workflow when the handler fails', () => {
    const workflow = workflowFromYaml(`
spec:
  entrypoint: main
  onExit: exit
  templates:
  - name: main
    container: {image: busybox}
  - name: exit
    container: {image: busybox, args: ["{{workflow.status}}"]}
`);
    const { workflow: done, created } = simulateWorkflow(workflow, ({ nodeName }) => (nodeName === 'wf.onExit' ? { phase: 'Failed', message: 'exit failed' } : {}));
    expect(created.map((c) => c.template.container?.args)).toEqual([undefined, ['Succeeded']]);
    expect(done.status!.nodes![Object.keys(done.status!.nodes!).find((id) => id !== 'wf')!]).toMatchObject({ name: 'wf.onExit', displayName: 'wf.onExit' });
    expect(done.status).toMatchObject({ phase: 'Failed', message: 'exit failed' });
  });

  it('omits DAG tasks whose depends is not met and runs failure handlers', () => {
    const workflow = workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      tasks:
      - {name: a, template: echo}
      - {name: on-success, template: echo, depends: a.Succeeded}
      - {name: on-failure, template: echo, depends: a.Failed}
      - {name: after-both, template: echo, depends: "on-success || on-failure"}
  - name: echo
    container: {image: busybox}
`);
    const { workflow: done } = simulateWorkflow(workflow, ({ nodeName }) => (nodeName === 'wf.a' ? { phase: 'Failed' } : {}));
    const nodes = byDisplayName(done.status!.nodes);
    expect(nodes['on-success']).toMatchObject({ type: 'Skipped', phase: 'Omitted', message: 'omitted: depends condition not met' });
    expect(nodes['on-failure']).toMatchObject({ type: 'Pod', phase: 'Succeeded' });
    expect(nodes['after-both']).toMatchObject({ phase: 'Succeeded' });
    // The branch through on-failure reaches the target succeeded, so the DAG succeeds.
    expect(done.status!.phase).toBe('Succeeded');
  });

  it('fails a workflow whose template is missing, with a clear message', () => {
    const workflow = workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    steps: [[{name: a, template: nope}]]
`);
    const { workflow: done } = simulateWorkflow(workflow);
    // Validation stops it before it starts, as Argo's controller does.
    expect(done.status).toMatchObject({ phase: 'Failed', message: expect.stringMatching(/^invalid spec: .*nope/) });
    expect(done.status!.nodes).toBeUndefined();
  });

  it('resolves workflowTemplateRef and stores the workflow spec joined over the template spec, as Argo', () => {
    const workflow = workflowFromYaml(`
spec:
  workflowTemplateRef: {name: hello}
  arguments: {parameters: [{name: who, value: you}]}
`);
    const templates = { hello: { entrypoint: 'main', arguments: { parameters: [{ name: 'who', value: 'world' }] }, templates: [{ name: 'main', inputs: { parameters: [{ name: 'who' }] }, container: { image: 'busybox', args: ['hi {{inputs.parameters.who}}'] } }] } };
    const { workflow: done, created } = simulateWorkflow(workflow, () => ({}), { templates });
    expect(done.status!.phase).toBe('Succeeded');
    expect(created[0]!.template.container?.args).toEqual(['hi you']);
    expect(done.status!.storedWorkflowTemplateSpec).toEqual({
      ...templates.hello, arguments: { parameters: [{ name: 'who', value: 'you' }] },
    });
  });

  it('waits out a suspend duration', () => {
    const workflow = workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    suspend: {duration: "30s"}
`);
    const { workflow: done } = simulateWorkflow(workflow);
    expect(done.status!.phase).toBe('Succeeded');
    const node = done.status!.nodes!['wf']!;
    expect(Date.parse(node.finishedAt!) - Date.parse(node.startedAt!)).toBeGreaterThanOrEqual(30_000);
  });
});
