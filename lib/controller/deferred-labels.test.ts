import { describe, expect, it } from 'vitest';
import { DeferredLabels } from './deferred-labels';

describe('DeferredLabels', () => {
  it('gives everything waiting once the controller is idle, in the order queued', () => {
    const labels = new DeferredLabels<string>(60_000);
    labels.add('a', 'pod-a', 0);
    labels.add('b', 'pod-b', 10);
    expect(labels.takeDue(20, false)).toEqual([]);
    expect(labels.takeDue(20, true)).toEqual(['pod-a', 'pod-b']);
    expect(labels.size).toBe(0);
  });

  it('gives only the overdue ones while the controller is busy', () => {
    const labels = new DeferredLabels<string>(1000);
    labels.add('a', 'pod-a', 0);
    labels.add('b', 'pod-b', 500);
    expect(labels.takeDue(999, false)).toEqual([]);
    expect(labels.takeDue(1000, false)).toEqual(['pod-a']);
    expect(labels.takeDue(1499, false)).toEqual([]);
    expect(labels.takeDue(1500, false)).toEqual(['pod-b']);
  });

  it('keeps the first time a pod was queued, and forgets a deleted one', () => {
    const labels = new DeferredLabels<string>(1000);
    labels.add('a', 'pod-a', 0);
    labels.add('a', 'pod-a again', 900);
    labels.add('b', 'pod-b', 0);
    labels.forget('b');
    expect(labels.takeDue(1000, false)).toEqual(['pod-a']);
    expect(labels.size).toBe(0);
  });
});
