import { describe, expect, it } from 'vitest';
import { toPodObservation } from './observe-pod';
import type { ObservedContainerStatus, ObservedPod } from './observed-pod';

const terminated = (name: string, exitCode: number, reason: string, finishedAt = '2026-11-24T00:06:20Z'): ObservedContainerStatus =>
  ({ name, ready: false, state: { terminated: { exitCode, reason, startedAt: '2026-11-24T00:06:19Z', finishedAt } } });

// The status the test bed's kwok gave Argo's pod for failing-dag's task b (exit code 3).
const failedPod: ObservedPod = {
  metadata: { name: 'failing-dag-kf8q8-bad-2875380033', namespace: 'argo-oracle' },
  spec: { nodeName: 'kwok-node-0' },
  status: {
    phase: 'Failed',
    podIP: '10.244.0.3',
    startTime: '2026-11-24T00:06:19Z',
    initContainerStatuses: [terminated('init', 0, 'Completed', '2026-11-24T00:06:19Z')],
    containerStatuses: [terminated('wait', 3, 'Error'), terminated('main', 3, 'Error')],
  },
};

function pod(phase: string, containers: ObservedContainerStatus[], extra: Partial<NonNullable<ObservedPod['status']>> = {}, template?: object): ObservedPod {
  return {
    metadata: { name: 'p', namespace: 'ns' },
    spec: { nodeName: 'n1', ...(template ? { initContainers: [{ name: 'init', image: 'argoexec', env: [{ name: 'ARGO_TEMPLATE', value: JSON.stringify(template) }] }] } : {}) },
    status: { phase, containerStatuses: containers, ...extra },
  };
}

describe('toPodObservation', () => {
  it("reports a containerSet pod's user containers for its Container nodes", () => {
    const template = { name: 'group', containerSet: { containers: [{ name: 'a', image: 'busybox' }, { name: 'b', image: 'busybox' }] } };
    const running = { name: 'b', ready: true, state: { running: { startedAt: '2026-11-24T00:06:19Z' } } };
    const observed = toPodObservation(pod('Running', [terminated('wait', 0, 'Completed'), terminated('a', 2, 'Error'), running], {}, template));
    expect(observed.containers).toEqual([{ name: 'a', state: 'terminated', exitCode: 2, reason: 'Error' }, { name: 'b', state: 'running' }]);
    expect(toPodObservation(pod('Running', [running])).containers).toBeUndefined();
  });

  it("reports a failed main as Argo's controller did on the test bed", () => {
    expect(toPodObservation(failedPod)).toEqual({
      phase: 'Failed',
      message: 'main: Error (exit code 3)',
      startedAt: '2026-11-24T00:06:19Z',
      finishedAt: '2026-11-24T00:06:20Z',
      exitCode: 3,
      hostNodeName: 'kwok-node-0',
      podIP: '10.244.0.3',
    });
  });

  it('reports a succeeded pod with exit code 0 and the latest finish time', () => {
    const observed = toPodObservation(pod('Succeeded', [terminated('wait', 0, 'Completed'), terminated('main', 0, 'Completed', '2026-11-24T00:06:21Z')]));
    expect(observed).toMatchObject({ phase: 'Succeeded', exitCode: 0, finishedAt: '2026-11-24T00:06:21Z', hostNodeName: 'n1' });
    expect(observed.message).toBeUndefined();
  });

  it('gives the pending reason of a waiting container, or of an unschedulable pod', () => {
    expect(toPodObservation(pod('Pending', [{ name: 'main', state: { waiting: { reason: 'ErrImagePull', message: 'no such image' } } }])))
      .toMatchObject({ phase: 'Pending', message: 'ErrImagePull: no such image' });
    expect(toPodObservation(pod('Pending', [], { conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: '0/1 nodes are available' }] })))
      .toMatchObject({ phase: 'Pending', message: 'Unschedulable: 0/1 nodes are available' });
  });

  it('ranks failures: pod message, init (Error), main (Failed), wait (Error), sidecars', () => {
    expect(toPodObservation(pod('Failed', [], { message: 'Pod was active on the node longer than the specified deadline' })).message)
      .toBe('Pod was active on the node longer than the specified deadline');
    expect(toPodObservation(pod('Failed', [terminated('main', 0, 'Completed')], { initContainerStatuses: [terminated('init', 1, 'Error')] })))
      .toMatchObject({ phase: 'Error', message: 'init: Error (exit code 1)' });
    expect(toPodObservation(pod('Failed', [terminated('wait', 2, 'Error'), terminated('main', 0, 'Completed')])))
      .toMatchObject({ phase: 'Error', message: 'wait: Error (exit code 2)' });
    expect(toPodObservation(pod('Failed', [terminated('wait', 0, 'Completed'), terminated('main', 0, 'Completed'), terminated('web', 137, 'Error')])))
      .toMatchObject({ phase: 'Succeeded' });
    expect(toPodObservation(pod('Failed', [{ name: 'main', state: { waiting: { reason: 'ImagePullBackOff', message: 'back-off' } } }])))
      .toMatchObject({ phase: 'Error', message: 'Pod failed before main container starts due to ImagePullBackOff: back-off' });
    expect(toPodObservation(pod('Failed', [])).message).toBe("can't find failed message for pod p namespace ns");
  });

  it('keeps a finished pod Running while wait runs or its task result is incomplete', () => {
    const waitRunning: ObservedContainerStatus = { name: 'wait', state: { running: {} } };
    expect(toPodObservation(pod('Running', [waitRunning, terminated('main', 0, 'Completed')])).phase).toBe('Running');
    const done = pod('Succeeded', [terminated('wait', 0, 'Completed'), terminated('main', 0, 'Completed')]);
    const incomplete = { metadata: { labels: { 'workflows.argoproj.io/report-outputs-completed': 'false' } } };
    expect(toPodObservation(done, incomplete).phase).toBe('Running');
    const complete = { metadata: { labels: { 'workflows.argoproj.io/report-outputs-completed': 'true' } }, outputs: { result: 'hi', parameters: [{ name: 'x', value: '1' }] } };
    expect(toPodObservation(done, complete)).toMatchObject({ phase: 'Succeeded', outputs: { result: 'hi', parameters: [{ name: 'x', value: '1' }] } });
  });

  it('waits for declared output parameters before the node succeeds', () => {
    const done = pod('Succeeded', [terminated('wait', 0, 'Completed'), terminated('main', 0, 'Completed')], {}, { name: 't', outputs: { parameters: [{ name: 'x' }] } });
    expect(toPodObservation(done).phase).toBe('Running');
    expect(toPodObservation(done, { metadata: {}, outputs: { parameters: [{ name: 'x', value: '1' }] } }).phase).toBe('Succeeded');
  });

  it('treats daemons as Argo does: running only once ready, failed when they exit', () => {
    const daemon = { name: 'd', daemon: true };
    expect(toPodObservation(pod('Running', [{ name: 'main', ready: false, state: { running: {} } }], {}, daemon)).phase).toBe('Pending');
    expect(toPodObservation(pod('Running', [{ name: 'main', ready: true, state: { running: {} } }], {}, daemon)).phase).toBe('Running');
    expect(toPodObservation(pod('Succeeded', [terminated('main', 0, 'Completed')], {}, daemon)).phase).toBe('Failed');
  });

  it('reports an unknown pod phase as an error', () => {
    expect(toPodObservation(pod('Unknown', []))).toMatchObject({ phase: 'Error', message: 'Unexpected pod phase for p: Unknown' });
  });
});
