import { describe, expect, it } from 'vitest';
import { reconcileWorkflow } from './reconcile';
import { workflowFromYaml } from './testing/build-workflow';
import { createdPods, secondsAfterStart } from './testing/step-workflow';
import type { EngineAction } from './types';

const at = secondsAfterStart;
const steps = (timeout: string, extra = '') => workflowFromYaml(`
spec:
  entrypoint: main
  templates:
  - name: main
    steps:
    - - {name: sleep, template: sleep}
  - name: sleep
    timeout: "${timeout}"
    ${extra}
    container: {image: busybox, command: [sleep, "60"]}
`);

function createdPod(actions: EngineAction[]) {
  const [action] = createdPods(actions);
  if (!action) throw new Error('no pod created');
  return action;
}

describe('template timeout', () => {
  it("gives the pod what is left of the template's timeout as activeDeadlineSeconds, the smaller of the two", () => {
    expect(createdPod(reconcileWorkflow({ workflow: steps('30s'), pods: {}, now: at(0) }).actions).template.activeDeadlineSeconds).toBe(30);
    expect(createdPod(reconcileWorkflow({ workflow: steps('2m', 'activeDeadlineSeconds: 45'), pods: {}, now: at(0) }).actions).template.activeDeadlineSeconds).toBe(45);
    expect(createdPod(reconcileWorkflow({ workflow: steps('10s', 'activeDeadlineSeconds: 45'), pods: {}, now: at(0) }).actions).template.activeDeadlineSeconds).toBe(10);
  });

  it('fails a node still Pending past its timeout with `timeout`, deletes its pod and fails the step group', () => {
    const first = reconcileWorkflow({ workflow: steps('10s'), pods: {}, now: at(0) });
    const workflow = { ...steps('10s'), status: first.status };
    const podId = createdPod(first.actions).nodeId;
    // While it waits, the workflow comes back at the deadline.
    expect(reconcileWorkflow({ workflow, pods: { [podId]: { phase: 'Pending' } }, now: at(4) }).actions).toContainEqual({ type: 'requeue', afterSeconds: 6 });
    const later = reconcileWorkflow({ workflow, pods: { [podId]: { phase: 'Pending' } }, now: at(11) });
    const nodes = Object.values(later.status.nodes!);
    expect(nodes.find((n) => n.id === podId)).toMatchObject({ phase: 'Failed', message: 'timeout' });
    expect(nodes.find((n) => n.type === 'StepGroup')).toMatchObject({ phase: 'Failed', message: 'timeout' });
    expect(later.status.phase).toBe('Failed');
    expect(later.actions).toContainEqual(expect.objectContaining({ type: 'deletePod', nodeId: podId, reason: 'timeout' }));
  });

  it('leaves a Running pod to its activeDeadlineSeconds', () => {
    const first = reconcileWorkflow({ workflow: steps('10s'), pods: {}, now: at(0) });
    const podId = createdPod(first.actions).nodeId;
    const later = reconcileWorkflow({ workflow: { ...steps('10s'), status: first.status }, pods: { [podId]: { phase: 'Running' } }, now: at(20) });
    expect(later.status.nodes![podId]?.phase).toBe('Running');
  });

  it('pendingTimeout fails a pod that never leaves Pending', () => {
    const workflow = steps('10m', 'pendingTimeout: 5s');
    const first = reconcileWorkflow({ workflow, pods: {}, now: at(0) });
    const podId = createdPod(first.actions).nodeId;
    const later = reconcileWorkflow({ workflow: { ...workflow, status: first.status }, pods: { [podId]: { phase: 'Pending' } }, now: at(6) });
    expect(later.status.nodes![podId]).toMatchObject({ phase: 'Failed', message: 'timeout' });
  });

  it('a bad timeout errors the node with the reason', () => {
    const output = reconcileWorkflow({ workflow: steps('soon'), pods: {}, now: at(0) });
    // The node does not exist yet when the pod is asked for, so the bad value surfaces as the pod's deadline.
    const node = Object.values(output.status.nodes!).find((n) => n.displayName === 'sleep');
    expect(node).toMatchObject({ phase: 'Error' });
    expect(node?.message).toContain('invalid timeout format');
  });
});
