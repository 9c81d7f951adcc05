import { describe, expect, it } from 'vitest';
import type { Workflow } from '../generated/argo';
import { reconcileWorkflow } from './reconcile';
import { stepWorkflow, testStart } from './testing/step-workflow';

const yaml = `
spec:
  entrypoint: main
  onExit: cleanup
  templates:
  - name: main
    steps:
    - - name: long
        template: sleep
    - - name: after
        template: sleep
  - name: sleep
    container: {image: busybox, command: [sleep, "600"]}
  - name: cleanup
    container: {image: busybox}
`;

function startRunning(): { workflow: Workflow; now: Date } {
  const stepper = stepWorkflow(yaml);
  stepper.reconcile();
  return { workflow: stepper.workflow, now: testStart };
}

describe('stopping a workflow', () => {
  it('terminate fails running pods, deletes them, starts nothing new and skips the exit handler', () => {
    const { workflow, now } = startRunning();
    workflow.spec = { ...workflow.spec, shutdown: 'Terminate' };
    const podId = Object.values(workflow.status!.nodes!).find((n) => n.type === 'Pod')!.id;
    const output = reconcileWorkflow({ workflow, pods: { [podId]: { phase: 'Running' } }, now: new Date(now.getTime() + 5000) });
    expect(output.status.phase).toBe('Failed');
    expect(output.status.message).toBe("Stopped with strategy 'Terminate'");
    expect(output.status.nodes![podId]).toMatchObject({ phase: 'Failed', message: 'workflow shutdown with strategy:  Terminate' });
    expect(output.actions).toEqual([expect.objectContaining({ type: 'deletePod', nodeId: podId })]);
    expect(Object.values(output.status.nodes!).some((n) => n.name.includes('onExit'))).toBe(false);
  });

  it('stop runs the exit handler before the workflow ends', () => {
    const { workflow, now } = startRunning();
    workflow.spec = { ...workflow.spec, shutdown: 'Stop' };
    const output = reconcileWorkflow({ workflow, pods: {}, now: new Date(now.getTime() + 5000) });
    expect(output.status.phase).toBe('Running');
    expect(output.actions).toContainEqual(expect.objectContaining({ type: 'createPod', nodeName: 'wf.onExit' }));
  });

  it('fails the workflow when activeDeadlineSeconds passes, and asks to come back at the deadline before', () => {
    const { workflow, now } = startRunning();
    workflow.spec = { ...workflow.spec, activeDeadlineSeconds: 60 };
    const early = reconcileWorkflow({ workflow, pods: {}, now: new Date(now.getTime() + 10_000) });
    expect(early.actions).toContainEqual({ type: 'requeue', afterSeconds: 50 });
    const late = reconcileWorkflow({ workflow, pods: {}, now: new Date(now.getTime() + 61_000) });
    expect(late.status).toMatchObject({ phase: 'Failed', message: 'Step exceeded its deadline' });
  });

  it('a suspended workflow starts nothing new until resumed', () => {
    const { workflow, now } = startRunning();
    const podId = Object.values(workflow.status!.nodes!).find((n) => n.type === 'Pod')!.id;
    workflow.spec = { ...workflow.spec, suspend: true };
    const output = reconcileWorkflow({ workflow, pods: { [podId]: { phase: 'Succeeded', exitCode: 0 } }, now: new Date(now.getTime() + 5000) });
    expect(output.status.phase).toBe('Running');
    expect(output.status.nodes![podId]!.phase).toBe('Succeeded');
    expect(output.actions.filter((a) => a.type === 'createPod')).toEqual([]);
  });
});
