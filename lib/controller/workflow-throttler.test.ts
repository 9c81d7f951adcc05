import { describe, expect, it } from 'vitest';
import { namespaceLimitOf, WorkflowThrottler } from './workflow-throttler';

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

describe('per-namespace limits (the parallelism-limit namespace label)', () => {
  it('replace namespaceParallelism for that namespace only, and admit waiting workflows when raised', () => {
    const admitted: string[] = [];
    const t = new WorkflowThrottler(0, 1, (key) => admitted.push(key));
    for (const [i, key] of ['a/1', 'a/2', 'a/3', 'b/1', 'b/2'].entries()) t.add(key, 0, i);
    expect(admitted).toEqual(['a/1', 'b/1']);
    t.setNamespaceLimit('a', 3);
    expect(admitted).toEqual(['a/1', 'b/1', 'a/2', 'a/3']);
    t.setNamespaceLimit('a', undefined);
    t.remove('b/1');
    expect(admitted.at(-1)).toBe('b/2');
  });
  it('reads the label as Argo does', () => {
    expect(namespaceLimitOf({ 'workflows.argoproj.io/parallelism-limit': '4' })).toBe(4);
    expect(namespaceLimitOf({})).toBeUndefined();
    expect(namespaceLimitOf({ 'workflows.argoproj.io/parallelism-limit': 'lots' })).toEqual({ error: expect.stringContaining('expected a whole number, got "lots"') });
  });
});
