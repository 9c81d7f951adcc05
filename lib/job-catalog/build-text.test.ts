import { describe, expect, it } from 'vitest';
import { describeTrigger, rollingSuccessRate, summariseParameters } from './build-text';

describe('describeTrigger', () => {
  it('says who or what started a build', () => {
    expect(describeTrigger({ type: 'user', user: 'alice' })).toBe('Started by alice');
    expect(describeTrigger({ type: 'user' })).toBe('Started from the dashboard');
    expect(describeTrigger({ type: 'cron', scheduledTime: '2026-01-10T10:00:00Z' })).toBe('Scheduled for 2026-01-10 10:00:00 UTC');
    expect(describeTrigger({ type: 'resubmit', retryOf: 41, user: 'bob' })).toBe('Rebuild of #41 by bob');
    expect(describeTrigger({ type: 'retry', retryOf: 3 })).toBe('Retry of #3');
    expect(describeTrigger({ type: 'cli' })).toBe('argo CLI');
    expect(describeTrigger({ type: 'kubectl' })).toBe('Created with kubectl');
    expect(describeTrigger({ type: 'something-new' })).toBe('Unknown');
    expect(describeTrigger(undefined)).toBe('Unknown');
  });
});

describe('summariseParameters', () => {
  it('puts what differs from the defaults first and cuts long values', () => {
    expect(summariseParameters(
      [{ name: 'branch', value: 'feature/x' }, { name: 'env', value: 'staging' }, { name: 'script', value: 'a\nb' }, { name: 'extra', value: 'x'.repeat(50) }],
      [{ name: 'branch', value: 'main' }, { name: 'env', value: 'staging' }],
      10,
    )).toEqual({ changed: ['branch=feature/x', 'script=a…', 'extra=xxxxxxxxxx…'], unchanged: ['env=staging'] });
  });
});

describe('rollingSuccessRate', () => {
  it('rates each point over the window ending at it', () => {
    const phases = ['Succeeded', 'Failed', 'Succeeded', 'Succeeded', 'Error'].map((phase) => ({ phase }));
    expect(rollingSuccessRate(phases, 3).map((p) => p.successRate)).toEqual([100, 50, 67, 67, 67]);
    expect(rollingSuccessRate([], 3)).toEqual([]);
  });
});
