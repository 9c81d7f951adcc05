import { describe, expect, it } from 'vitest';
import type { NodeStatus, Workflow } from '../generated/argo';
import { actionBlocker, canRetryFromNode, isWorkflowSuspended, nodeSelector } from './available-actions';

const wf = (phase: string | undefined, extra: { suspend?: boolean; nodes?: Record<string, NodeStatus> } = {}): Workflow =>
  ({ metadata: { name: 'w' }, spec: { suspend: extra.suspend }, status: { phase, nodes: extra.nodes } }) as unknown as Workflow;
const suspendNode = { id: 's', name: 'w.s', type: 'Suspend', phase: 'Running' } as NodeStatus;

describe('actionBlocker', () => {
  it('retries failed workflows only', () => {
    expect(actionBlocker(wf('Failed'), 'retry')).toBeUndefined();
    expect(actionBlocker(wf('Error'), 'retry')).toBeUndefined();
    expect(actionBlocker(wf('Succeeded'), 'retry')).toMatch(/failed/);
    expect(actionBlocker(wf('Running'), 'retry')).toMatch(/failed/);
  });
  it('suspends and stops running workflows, resumes suspended ones', () => {
    expect(actionBlocker(wf('Running'), 'suspend')).toBeUndefined();
    expect(actionBlocker(wf('Running', { suspend: true }), 'suspend')).toMatch(/already/);
    expect(actionBlocker(wf('Running', { suspend: true }), 'resume')).toBeUndefined();
    expect(actionBlocker(wf('Running', { nodes: { s: suspendNode } }), 'resume')).toBeUndefined();
    expect(actionBlocker(wf('Running'), 'resume')).toMatch(/not suspended/);
    expect(actionBlocker(wf('Succeeded'), 'stop')).toMatch(/finished/);
    expect(actionBlocker(wf('Pending'), 'terminate')).toBeUndefined();
  });
  it('always allows resubmit and delete', () => {
    expect(actionBlocker(wf('Succeeded'), 'resubmit')).toBeUndefined();
    expect(actionBlocker(wf('Running'), 'delete')).toBeUndefined();
  });
});

describe('node actions', () => {
  it('retries from a node of a finished workflow', () => {
    const node = { id: 'n', name: 'w.n', type: 'Pod', phase: 'Failed' } as NodeStatus;
    expect(canRetryFromNode(wf('Failed'), node)).toBe(true);
    expect(canRetryFromNode(wf('Running'), node)).toBe(false);
    expect(nodeSelector(node)).toBe('id=n');
  });
  it('sees a finished workflow as not suspended', () => {
    expect(isWorkflowSuspended(wf('Succeeded', { suspend: true }))).toBe(false);
  });
});
