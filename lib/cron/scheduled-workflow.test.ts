import { describe, expect, it } from 'vitest';
import { buildScheduledWorkflow, isOwnedBy, scheduledWorkflowName } from './scheduled-workflow';
import { buildChild, buildCron } from './testing/build-cron';

describe('buildScheduledWorkflow', () => {
  it('builds the workflow Argo creates for a scheduled time', () => {
    const cron = buildCron({
      workflowMetadata: { labels: { team: 'data' }, annotations: { note: 'hi' }, finalizers: ['example.com/keep'] },
    }, undefined, { labels: { 'workflows.argoproj.io/creator': 'alice', unrelated: 'x' } });
    const workflow = buildScheduledWorkflow(cron, new Date('2024-03-01T12:00:00Z'), 'America/New_York');
    expect(workflow).toEqual({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Workflow',
      metadata: {
        name: 'nightly-1709294400',
        namespace: 'argo',
        labels: { 'workflows.argoproj.io/creator': 'alice', 'workflows.argoproj.io/cron-workflow': 'nightly', team: 'data' },
        annotations: { 'workflows.argoproj.io/scheduled-time': '2024-03-01T07:00:00-05:00', note: 'hi' },
        finalizers: ['example.com/keep'],
        ownerReferences: [{ apiVersion: 'argoproj.io/v1alpha1', kind: 'CronWorkflow', name: 'nightly', uid: 'cron-uid', controller: true, blockOwnerDeletion: true }],
      },
      spec: cron.spec.workflowSpec,
    });
    expect(workflow.spec).not.toBe(cron.spec.workflowSpec);
  });

  it('names runs by the Unix second of their scheduled time', () => {
    expect(scheduledWorkflowName('nightly', new Date('2024-03-01T12:00:00.999Z'))).toBe('nightly-1709294400');
  });

  it('recognises the workflows a cron owns', () => {
    expect(isOwnedBy(buildChild('a', 'Running'), buildCron())).toBe(true);
    expect(isOwnedBy(buildChild('a', 'Running'), buildCron({}, undefined, { uid: 'recreated' }))).toBe(false);
    expect(isOwnedBy({ metadata: { name: 'manual' } }, buildCron())).toBe(false);
  });
});
