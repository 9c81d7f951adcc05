import { describe, expect, it } from 'vitest';
import type { CronWorkflow, CronWorkflowSpec, CronWorkflowStatus } from '@/lib/generated/argo';
import { LAST_USED_SCHEDULE_ANNOTATION } from './cron-schedules';
import { planScheduledRun, recordRunOutcome } from './plan-run';
import { CRON_COMPLETED_LABEL } from './scheduled-workflow';
import { activeRef, buildChild, buildCron } from './testing/build-cron';

const scheduledTime = new Date('2024-03-01T12:00:00Z');
const now = new Date('2024-03-01T12:00:00.010Z');
const plan = (cron: CronWorkflow, specError?: string) => planScheduledRun({ cron, scheduledTime, now, localZone: 'UTC', specError });
const cronWith = (spec: Partial<CronWorkflowSpec>, status?: CronWorkflowStatus) => buildCron(spec, status);

describe('planScheduledRun', () => {
  it('runs the workflow for the scheduled time and records the schedule it used', () => {
    const { cron, decision } = plan(cronWith({}));
    expect(decision).toMatchObject({ type: 'run', terminate: [], workflow: { metadata: { name: 'nightly-1709294400' } } });
    expect(cron.metadata.annotations?.[LAST_USED_SCHEDULE_ANNOTATION]).toBe('* * * * *');
  });

  it('skips a suspended cron, but still records the schedule', () => {
    const { cron, decision } = plan(cronWith({ suspend: true }));
    expect(decision).toMatchObject({ type: 'skip', reason: 'suspended' });
    expect(cron.metadata.annotations?.[LAST_USED_SCHEDULE_ANNOTATION]).toBe('* * * * *');
  });

  it('skips an invalid cron with a SpecError condition, and clears the condition once valid', () => {
    const invalid = plan(cronWith({}), 'spec.workflowSpec: no templates');
    expect(invalid.decision).toMatchObject({ type: 'skip', reason: 'invalid' });
    expect(invalid.cron.status?.conditions).toEqual([{ type: 'SpecError', status: 'True', message: 'spec.workflowSpec: no templates' }]);
    expect(invalid.cron.status?.failed).toBeUndefined();
    expect(plan(invalid.cron).cron.status?.conditions).toBeUndefined();
  });

  describe('concurrencyPolicy', () => {
    const running = { active: [activeRef('nightly-1709294340')] };
    it('Allow (and unset) runs alongside active workflows', () => {
      expect(plan(cronWith({ concurrencyPolicy: 'Allow' }, running)).decision).toMatchObject({ type: 'run', terminate: [] });
      expect(plan(cronWith({}, running)).decision).toMatchObject({ type: 'run', terminate: [] });
    });
    it('Forbid skips while a workflow is active, and runs when none is', () => {
      expect(plan(cronWith({ concurrencyPolicy: 'Forbid' }, running)).decision).toMatchObject({ type: 'skip', reason: 'forbid-active' });
      expect(plan(cronWith({ concurrencyPolicy: 'Forbid' })).decision).toMatchObject({ type: 'run' });
    });
    it('Replace terminates the active workflows, then runs', () => {
      expect(plan(cronWith({ concurrencyPolicy: 'Replace' }, running)).decision).toMatchObject({ type: 'run', terminate: ['nightly-1709294340'] });
    });
    it('Replace never terminates the workflow of the run being retried', () => {
      const retried = { active: [activeRef('nightly-1709294340'), activeRef('nightly-1709294400')] };
      expect(plan(cronWith({ concurrencyPolicy: 'Replace' }, retried)).decision).toMatchObject({ type: 'run', terminate: ['nightly-1709294340'] });
    });
    it('an unknown policy is a SubmissionError that counts as failed', () => {
      const { cron, decision } = plan(cronWith({ concurrencyPolicy: 'Sometimes' }));
      expect(decision).toMatchObject({ type: 'skip', reason: 'invalid-concurrency-policy' });
      expect(cron.status).toEqual({ conditions: [{ type: 'SubmissionError', status: 'True', message: 'run policy error: invalid ConcurrencyPolicy: Sometimes' }], failed: 1 });
    });
  });

  describe('when', () => {
    it('skips when false', () => {
      expect(plan(cronWith({ when: 'false' })).decision).toMatchObject({ type: 'skip', reason: 'when-false' });
    });
    it('a failing when is a SubmissionError', () => {
      const { cron, decision } = plan(cronWith({ when: '{{cronworkflow.failed}}' }));
      expect(decision).toMatchObject({ type: 'skip', reason: 'when-error' });
      expect(cron.status?.conditions?.[0]?.message).toBe('run policy error: failed to resolve {{cronworkflow.failed}} to string');
      expect(cron.status?.failed).toBe(1);
    });
    it('runs at most hourly with the docs example', () => {
      const when = '{{= cronworkflow.lastScheduledTime == nil || (now() - cronworkflow.lastScheduledTime).Seconds() > 3600 }}';
      expect(plan(cronWith({ when }, { lastScheduledTime: '2024-03-01T11:30:00Z' })).decision.type).toBe('skip');
      expect(plan(cronWith({ when }, { lastScheduledTime: '2024-03-01T10:30:00Z' })).decision.type).toBe('run');
    });
  });

  describe('stopStrategy', () => {
    it('completes the cron and stops scheduling when the expression holds', () => {
      const { cron, decision } = plan(cronWith({ stopStrategy: { expression: 'cronworkflow.failed >= 3' } }, { failed: 3, phase: 'Active' }));
      expect(decision).toMatchObject({ type: 'skip', reason: 'stopped' });
      expect(cron.status?.phase).toBe('Stopped');
      expect(cron.metadata.labels?.[CRON_COMPLETED_LABEL]).toBe('true');
    });
    it('keeps running below the threshold', () => {
      expect(plan(cronWith({ stopStrategy: { expression: 'cronworkflow.failed >= 3' } }, { failed: 2 })).decision.type).toBe('run');
    });
    it('a Stopped cron does not run even if the expression no longer holds', () => {
      expect(plan(cronWith({}, { phase: 'Stopped' })).decision).toMatchObject({ type: 'skip', reason: 'stopped' });
    });
    it('a failing expression is a SpecError', () => {
      const { cron, decision } = plan(cronWith({ stopStrategy: { expression: 'cronworkflow.nope > 1' } }));
      expect(decision).toMatchObject({ type: 'skip', reason: 'stop-strategy-error' });
      expect(cron.status?.conditions?.[0]).toMatchObject({ type: 'SpecError' });
      expect(cron.status?.conditions?.[0]?.message).toMatch(/^failed to check CronWorkflow 'nightly' stopping condition: failed to evaluate stop expression: /);
    });
  });
});

describe('recordRunOutcome', () => {
  it('adds a created workflow to active, sets lastScheduledTime and Active, and clears a SubmissionError', () => {
    const cron = cronWith({}, { conditions: [{ type: 'SubmissionError', status: 'True', message: 'x' }], failed: 1 });
    const created = { ...buildChild('nightly-1709294400', undefined), metadata: { ...buildChild('nightly-1709294400', undefined).metadata, resourceVersion: '9' } };
    expect(recordRunOutcome(cron, { type: 'created', workflow: created, scheduledTime }).status).toEqual({
      failed: 1,
      active: [{ ...activeRef('nightly-1709294400'), resourceVersion: '9' }],
      phase: 'Active',
      lastScheduledTime: '2024-03-01T12:00:00Z',
    });
  });

  it('changes nothing when the workflow already existed (the run happened before)', () => {
    const cron = cronWith({}, { lastScheduledTime: '2024-03-01T11:59:00Z' });
    expect(recordRunOutcome(cron, { type: 'already-exists' })).toBe(cron);
  });

  it('counts a failed submission as failed with a SubmissionError', () => {
    const cron = recordRunOutcome(cronWith({}), { type: 'failed', message: 'Failed to submit Workflow: boom' });
    expect(cron.status).toEqual({ conditions: [{ type: 'SubmissionError', status: 'True', message: 'Failed to submit Workflow: boom' }], failed: 1 });
  });
});
