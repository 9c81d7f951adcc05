import { describe, expect, it } from 'vitest';
import { WorkflowThrottler } from './workflow-throttler';

describe('WorkflowThrottler', () => {
  it('admits everything without limits', () => {
    const admitted: string[] = [];
    const t = new WorkflowThrottler(0, 0, (k) => admitted.push(k));
    t.add('a/1', 0, 1);
    t.add('a/2', 0, 2);
    expect(admitted).toEqual(['a/1', 'a/2']);
    expect(t.admit('a/2')).toBe(true);
  });

  it('holds workflows beyond parallelism and admits by priority, then age, as slots free', () => {
    const admitted: string[] = [];
    const t = new WorkflowThrottler(1, 0, (k) => admitted.push(k));
    t.add('a/old', 0, 1);
    t.add('a/older', 0, 0);
    t.add('b/urgent', 5, 9);
    expect(admitted).toEqual(['a/old']);
    expect(t.admit('a/older')).toBe(false);
    t.remove('a/old');
    expect(admitted).toEqual(['a/old', 'b/urgent']);
    t.remove('b/urgent');
    expect(admitted).toEqual(['a/old', 'b/urgent', 'a/older']);
  });

  it('limits each namespace with namespaceParallelism', () => {
    const admitted: string[] = [];
    const t = new WorkflowThrottler(0, 1, (k) => admitted.push(k));
    for (const k of ['a/1', 'a/2', 'b/1', 'b/2']) t.add(k, 0, admitted.length);
    expect(admitted).toEqual(['a/1', 'b/1']);
  });

  it('keeps slots of workflows already running and admits all that fit when limits rise', () => {
    const admitted: string[] = [];
    const t = new WorkflowThrottler(1, 0, (k) => admitted.push(k));
    t.markRunning('a/running');
    t.add('a/1', 0, 1);
    t.add('a/2', 0, 2);
    expect(admitted).toEqual([]);
    t.setLimits(3, 0);
    expect(admitted).toEqual(['a/1', 'a/2']);
    expect(t.runningCount).toBe(3);
  });
});
