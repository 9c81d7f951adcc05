import { expect, it } from 'vitest';
import { isPodStarting, podCreationRoom, StartingPods } from './starting-pods';

it('counts a pod as starting while it is Pending, unless the scheduler found no room for it', () => {
  expect(isPodStarting({})).toBe(true);
  expect(isPodStarting({ status: { phase: 'Pending' } })).toBe(true);
  expect(isPodStarting({ status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }] } })).toBe(true);
  expect(isPodStarting({ status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }] } })).toBe(false);
  // Scheduling gates hold a pod for a controller that will release it: it is still on its way.
  expect(isPodStarting({ status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] } })).toBe(true);
  for (const phase of ['Running', 'Succeeded', 'Failed', 'Unknown']) expect(isPodStarting({ status: { phase } })).toBe(false);
});

it('leaves room for the window less the pods starting, and no limit for a window of 0', () => {
  expect(podCreationRoom(200, 0)).toBe(200);
  expect(podCreationRoom(200, 150)).toBe(50);
  expect(podCreationRoom(200, 260)).toBe(0);
  expect(podCreationRoom(0, 5000)).toBe(Number.POSITIVE_INFINITY);
});

it('keeps each workflow’s starting pods apart, once per node', () => {
  const pods = new StartingPods();
  pods.set('a', 'n1', true);
  pods.set('a', 'n1', true);
  pods.set('a', 'n2', true);
  pods.set('b', 'n1', true);
  expect(pods.count('a')).toBe(2);
  expect(pods.has('b', 'n1')).toBe(true);
  pods.set('a', 'n1', false);
  pods.set('a', 'n3', false);
  expect(pods.count('a')).toBe(1);
  expect(pods.has('a', 'n1')).toBe(false);
  pods.forget('b');
  expect(pods.count('b')).toBe(0);
  expect(pods.count('unknown')).toBe(0);
});
