import { describe, expect, it } from 'vitest';
import { workflowFromYaml } from './testing/build-workflow';
import { simulateWorkflow } from './testing/simulate';
import { nodeNamed } from './testing/step-workflow';

describe('daemon steps', () => {
  const workflow = workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: db, template: db}
    - - {name: client, template: client, arguments: {parameters: [{name: ip, value: "{{steps.db.ip}}"}]}}
  - name: db
    daemon: true
    container: {image: influxdb}
  - name: client
    inputs: {parameters: [{name: ip}]}
    container: {image: curl, args: ["{{inputs.parameters.ip}}"]}
`);

  it('lets the next steps start once the daemon runs, gives them its IP, and stops it when its steps end', () => {
    const { workflow: done, created } = simulateWorkflow(workflow);
    expect(done.status?.phase).toBe('Succeeded');
    const db = nodeNamed(done, 'db');
    const client = nodeNamed(done, 'client');
    // The daemon was still running when the client started, and ended Succeeded (killed) with the steps.
    expect(Date.parse(client.startedAt!)).toBeLessThan(Date.parse(db.finishedAt!));
    expect(db).toMatchObject({ phase: 'Succeeded', podIP: '10.0.0.2' });
    expect(db.daemoned).toBeUndefined();
    expect(created.find((c) => c.nodeName.endsWith('.client'))?.template.container?.args).toEqual(['10.0.0.2']);
  });

  it('runs a task that depends on db.Daemoned while the daemon serves', () => {
    const { workflow: done } = simulateWorkflow(workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    dag:
      tasks:
      - {name: db, template: db}
      - {name: use, template: use, depends: db.Daemoned}
  - name: db
    daemon: true
    container: {image: influxdb}
  - name: use
    container: {image: curl}
`), () => ({}));
    expect(done.status?.phase).toBe('Succeeded');
    expect(nodeNamed(done, 'use').phase).toBe('Succeeded');
  });
});
