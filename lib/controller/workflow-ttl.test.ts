import { describe, expect, it } from 'vitest';
import type { Workflow } from '../generated/argo';
import { workflowExpiresAt } from './workflow-ttl';

const wf = (phase: string, ttlStrategy: object, labels: Record<string, string> = { 'workflows.argoproj.io/completed': 'true' }) => ({
  metadata: { name: 'w', labels },
  spec: { ttlStrategy },
  status: { phase, finishedAt: '2026-01-01T00:00:00Z' },
}) as unknown as Workflow;

describe('workflowExpiresAt', () => {
  it("picks the TTL by phase as Argo's gc controller", () => {
    const all = { secondsAfterCompletion: 30, secondsAfterSuccess: 10, secondsAfterFailure: 20 };
    expect(workflowExpiresAt(wf('Succeeded', all))?.toISOString()).toBe('2026-01-01T00:00:10.000Z');
    expect(workflowExpiresAt(wf('Failed', all))?.toISOString()).toBe('2026-01-01T00:00:20.000Z');
    // Error is not "Failed" for Argo's TTL: it falls to secondsAfterCompletion.
    expect(workflowExpiresAt(wf('Error', all))?.toISOString()).toBe('2026-01-01T00:00:30.000Z');
    expect(workflowExpiresAt(wf('Succeeded', { secondsAfterFailure: 5 }))).toBeUndefined();
    expect(workflowExpiresAt(wf('Succeeded', { secondsAfterCompletion: 0 }))?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('waits for the workflow to be done', () => {
    expect(workflowExpiresAt(wf('Succeeded', { secondsAfterCompletion: 1 }, {}))).toBeUndefined();
    expect(workflowExpiresAt(wf('Succeeded', { secondsAfterCompletion: 1 }, {
      'workflows.argoproj.io/completed': 'true', 'workflows.argoproj.io/workflow-archiving-status': 'Pending',
    }))).toBeUndefined();
  });
});
