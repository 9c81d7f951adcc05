import { describe, expect, it } from 'vitest';
import { resumeWorkflow } from './resume-workflow';
import { setSuspendedNodes } from './suspended-nodes';
import { buildWorkflow, suspendNode } from './testing/build-workflow';

const now = new Date('2026-01-02T03:04:05Z');

describe('resumeWorkflow', () => {
  it('clears spec.suspend and completes waiting suspend nodes with their defaults', () => {
    const workflow = buildWorkflow('Running', [suspendNode('wf-1', 'approve', { name: 'ok', default: 'yes' })]);
    workflow.spec.suspend = true;
    const resumed = resumeWorkflow(workflow, now)!;
    expect(resumed.spec.suspend).toBeUndefined();
    const node = resumed.status?.nodes?.['wf-1'];
    expect(node).toMatchObject({ phase: 'Succeeded', finishedAt: '2026-01-02T03:04:05Z' });
    expect(node?.outputs?.parameters?.[0]).toEqual({ name: 'ok', value: 'yes' });
    expect(workflow.spec.suspend).toBe(true);
  });

  it('changes nothing when nothing is suspended', () => {
    expect(resumeWorkflow(buildWorkflow('Running'), now)).toBeUndefined();
  });

  it('fails on a supplied output without a default', () => {
    expect(() => resumeWorkflow(buildWorkflow('Running', [suspendNode('wf-1', 'approve', { name: 'ok' })]), now)).toThrow(
      "raw output parameter 'ok' has not been set and does not have a default value",
    );
  });

  it('resumes only the selected node with a node field selector', () => {
    const workflow = buildWorkflow('Running', [suspendNode('wf-1', 'a'), suspendNode('wf-2', 'b')]);
    const resumed = resumeWorkflow(workflow, now, 'displayName=b')!;
    expect(resumed.status?.nodes?.['wf-1']?.phase).toBe('Running');
    expect(resumed.status?.nodes?.['wf-2']?.phase).toBe('Succeeded');
  });
});

describe('setSuspendedNodes', () => {
  it('sets phase, message and supplied outputs, publishing global ones', () => {
    const workflow = buildWorkflow('Running', [suspendNode('wf-1', 'approve', { name: 'ok', globalName: 'approved' })]);
    const set = setSuspendedNodes(workflow, 'displayName=approve', { phase: 'Failed', message: 'no', outputParameters: { ok: 'false' } }, now);
    expect(set.status?.nodes?.['wf-1']).toMatchObject({ phase: 'Failed', message: 'no', outputs: { parameters: [{ name: 'ok', value: 'false' }] } });
    expect(set.status?.outputs?.parameters).toEqual([{ name: 'approved', value: 'false' }]);
  });

  it('explains what cannot be set', () => {
    const workflow = buildWorkflow('Running', [suspendNode('wf-1', 'approve', { name: 'ok' })]);
    expect(() => setSuspendedNodes(workflow, 'displayName=other', { phase: 'Succeeded' }, now)).toThrow(
      'currently, set only targets suspend nodes: no suspend nodes matching nodeFieldSelector: displayName=other',
    );
    expect(() => setSuspendedNodes(workflow, 'displayName=approve', { outputParameters: { nope: 'x' } }, now)).toThrow(
      "node is not expecting output parameter 'nope'",
    );
  });
});
