import { describe, expect, it } from 'vitest';
import { workflowFromYaml } from './testing/build-workflow';
import { simulateWorkflow } from './testing/simulate';

describe('lifecycle hooks', () => {
  it("runs a step's running and success hooks once each, as <step>.hooks.<name>, flagged hooked, before the steps go on", () => {
    const { workflow, created } = simulateWorkflow(workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - name: step-1
        template: echo
        hooks:
          running: {expression: 'steps["step-1"].status == "Running"', template: notify}
          success: {expression: 'steps["step-1"].status == "Succeeded"', template: notify}
    - - {name: step2, template: echo}
  - name: echo
    container: {image: alpine}
  - name: notify
    container: {image: alpine}
`));
    expect(workflow.status?.phase).toBe('Succeeded');
    const names = created.map((c) => c.nodeName);
    expect(names).toEqual(['wf[0].step-1', 'wf[0].step-1.hooks.running', 'wf[0].step-1.hooks.success', 'wf[1].step2']);
    const nodes = Object.values(workflow.status!.nodes!);
    const step1 = nodes.find((n) => n.name === 'wf[0].step-1')!;
    const running = nodes.find((n) => n.name === 'wf[0].step-1.hooks.running')!;
    expect(running).toMatchObject({ displayName: 'step-1.hooks.running', nodeFlag: { hooked: true }, boundaryID: 'wf', phase: 'Succeeded' });
    expect(step1.children).toEqual(expect.arrayContaining([running.id]));
  });

  it('runs a workflow-level hook when its expression holds, and a DAG task hook', () => {
    const { workflow, created } = simulateWorkflow(workflowFromYaml(`
spec:
  entrypoint: main
  hooks:
    running: {expression: 'workflow.status == "Running"', template: notify}
  templates:
  - name: main
    dag:
      tasks:
      - name: a
        template: echo
        hooks:
          done: {expression: 'tasks.a.status == "Succeeded"', template: notify}
  - name: echo
    container: {image: alpine}
  - name: notify
    container: {image: alpine}
`));
    expect(workflow.status?.phase).toBe('Succeeded');
    expect(created.map((c) => c.nodeName).sort()).toEqual(['wf.a', 'wf.a.hooks.done', 'wf.hooks.running']);
  });

  it('rejects a hook without an expression before the workflow starts', () => {
    const { workflow } = simulateWorkflow(workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: s, template: echo, hooks: {running: {template: echo}}}
  - name: echo
    container: {image: alpine}
`));
    expect(workflow.status).toMatchObject({ phase: 'Failed', message: expect.stringContaining("hooks.running.expression: hook 'running' needs an expression") });
  });
});
