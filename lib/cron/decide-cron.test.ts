import { describe, expect, it } from 'vitest';
import type { CronWorkflow, Workflow } from '@/lib/generated/argo';
import { LAST_USED_SCHEDULE_ANNOTATION } from './cron-schedules';
import { type CronTrigger, decideCron } from './decide-cron';
import { recordRunOutcome } from './plan-run';
import { CRON_COMPLETED_LABEL } from './scheduled-workflow';
import { activeRef, buildChild, buildCron } from './testing/build-cron';

const decide = (cron: CronWorkflow, workflows: Workflow[], now: string, trigger: CronTrigger, specError?: string) =>
  decideCron({ cron, workflows, now: new Date(now), localZone: 'UTC', trigger, specError });
const scheduled = (iso: string): CronTrigger => ({ type: 'scheduled', scheduledTime: new Date(iso) });

// A cron that last ran at 12:05 with every-minute schedule, and a deadline for missed runs.
function ranAt1205(deadline?: number): CronWorkflow {
  const cron = buildCron(deadline === undefined ? {} : { startingDeadlineSeconds: deadline }, {
    lastScheduledTime: '2024-01-01T12:05:00Z', active: [activeRef('nightly-1704110700')], phase: 'Active',
  });
  return { ...cron, metadata: { ...cron.metadata, annotations: { [LAST_USED_SCHEDULE_ANNOTATION]: '* * * * *' } } };
}

describe('decideCron', () => {
  it('syncs children and runs at the scheduled time in one pass', () => {
    const cron = ranAt1205();
    const decision = decide(cron, [buildChild('nightly-1704110700', 'Succeeded', '2024-01-01T12:05:30Z')], '2024-01-01T12:06:00.002Z',
      scheduled('2024-01-01T12:06:00Z'));
    expect(decision.run?.workflow.metadata.name).toBe('nightly-1704110760');
    expect(decision.cron.status).toMatchObject({ succeeded: 1, phase: 'Active' });
    expect(decision.cron.status?.active).toBeUndefined();
    expect(decision.changed).toBe(true);
  });

  it('Forbid sees the children as they are now, not a stale status', () => {
    const cron = { ...ranAt1205(), spec: { ...ranAt1205().spec, concurrencyPolicy: 'Forbid' } };
    expect(decide(cron, [buildChild('nightly-1704110700', 'Running')], '2024-01-01T12:06:00Z', scheduled('2024-01-01T12:06:00Z')).skipped)
      .toMatchObject({ reason: 'forbid-active' });
    expect(decide(cron, [buildChild('nightly-1704110700', 'Failed', '2024-01-01T12:05:40Z')], '2024-01-01T12:06:00Z', scheduled('2024-01-01T12:06:00Z')).run)
      .toBeDefined();
  });

  describe('after the controller was down (startingDeadlineSeconds)', () => {
    const children = [buildChild('nightly-1704110700', 'Succeeded', '2024-01-01T12:05:30Z')];
    it('makes up the missed run once, within the deadline', () => {
      const first = decide(ranAt1205(10), children, '2024-01-01T12:06:05Z', { type: 'changed' });
      expect(first.run?.scheduledTime.toISOString()).toBe('2024-01-01T12:06:00.000Z');
      expect(first.run?.workflow.metadata.name).toBe('nightly-1704110760');
      // Its status records 12:06; the next start finds nothing missed.
      const after = recordRunOutcome(first.cron, { type: 'created', workflow: { ...buildChild('nightly-1704110760', undefined) }, scheduledTime: first.run!.scheduledTime });
      expect(decide(after, children, '2024-01-01T12:06:07Z', { type: 'changed' }).run).toBeUndefined();
    });

    it('gives the same workflow name if the status update was lost, so the create is refused rather than repeated', () => {
      const again = decide(ranAt1205(10), children, '2024-01-01T12:06:08Z', { type: 'changed' });
      expect(again.run?.workflow.metadata.name).toBe('nightly-1704110760');
    });

    it('skips missed runs past the deadline, without a deadline, and for a just-changed schedule', () => {
      expect(decide(ranAt1205(3), children, '2024-01-01T12:06:05Z', { type: 'changed' }).run).toBeUndefined();
      expect(decide(ranAt1205(), children, '2024-01-01T12:06:05Z', { type: 'changed' }).run).toBeUndefined();
      const edited = { ...ranAt1205(60), spec: { ...ranAt1205(60).spec, schedules: ['*/2 * * * *'] } };
      expect(decide(edited, children, '2024-01-01T12:06:05Z', { type: 'changed' }).run).toBeUndefined();
    });

    it('does not make up runs for invalid or completed crons', () => {
      expect(decide(ranAt1205(60), children, '2024-01-01T12:06:05Z', { type: 'changed' }, 'bad').run).toBeUndefined();
      const done = ranAt1205(60);
      done.metadata.labels = { [CRON_COMPLETED_LABEL]: 'true' };
      expect(decide(done, children, '2024-01-01T12:06:05Z', { type: 'changed' }).run).toBeUndefined();
    });
  });

  it('deletes history beyond the limits on any pass', () => {
    const cron = buildCron({ successfulJobsHistoryLimit: 1 });
    const children = [buildChild('a', 'Succeeded', '2024-01-01T12:01:00Z'), buildChild('b', 'Succeeded', '2024-01-01T12:02:00Z')];
    const decision = decide(cron, children, '2024-01-01T12:03:00Z', { type: 'sync' });
    expect(decision.deleteWorkflows).toEqual(['a']);
    expect(decision.run).toBeUndefined();
    expect(decision.changed).toBe(false);
  });

  it('stops scheduling once the stop strategy holds, whichever pass sees it', () => {
    const cron = buildCron({ stopStrategy: { expression: 'cronworkflow.succeeded >= 1' } }, { active: [activeRef('a')] });
    const synced = decide(cron, [buildChild('a', 'Succeeded', '2024-01-01T12:01:00Z')], '2024-01-01T12:01:30Z', { type: 'sync' });
    expect(synced.cron.status?.phase).toBe('Stopped');
    expect(decide(synced.cron, [], '2024-01-01T12:02:00Z', scheduled('2024-01-01T12:02:00Z')).skipped).toMatchObject({ reason: 'stopped' });
  });

  it('does not save anything for a sync with nothing new', () => {
    const cron = ranAt1205();
    expect(decide(cron, [buildChild('nightly-1704110700', 'Running')], '2024-01-01T12:05:30Z', { type: 'sync' }).changed).toBe(false);
  });
});
