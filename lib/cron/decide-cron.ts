import type { CronWorkflow, Workflow } from '@/lib/generated/argo';
import { isCompletedCron } from './cron-status';
import { findMissedRun } from './missed-run';
import { type SkipReason, planScheduledRun } from './plan-run';
import { syncCronChildren } from './sync-children';

// One pass of the cron controller over a CronWorkflow, as the three paths of Argo's cron controller combine:
// syncAll (children, counters, history), processNextCronItem (a missed run within startingDeadlineSeconds when the
// cron is added or changed, or the controller starts) and the schedule's timer (run at the scheduled time).

/** What started this pass. */
export type CronTrigger =
  /** The timer for `scheduledTime` fired. */
  | { type: 'scheduled'; scheduledTime: Date }
  /** The cron was added or changed, or the controller started: make up a missed run if within the deadline. */
  | { type: 'changed' }
  /** A child workflow changed, or the periodic resync. */
  | { type: 'sync' };

export interface CronDecisionInput {
  cron: CronWorkflow;
  /** The workflows labelled with the cron; those it does not own are ignored. */
  workflows: Workflow[];
  now: Date;
  /** Go's time.Local: the zone of schedules without a timezone, and of the scheduled-time annotation. */
  localZone: string;
  trigger: CronTrigger;
  /** Why the CronWorkflow fails validation, if it does. */
  specError?: string;
}

export interface CronDecision {
  /** The cron with the status (labels, annotations) to save; a run's outcome is added by recordRunOutcome. */
  cron: CronWorkflow;
  /** Whether `cron` differs from the input in status, labels or annotations. */
  changed: boolean;
  /** Completed workflows beyond the history limits. */
  deleteWorkflows: string[];
  /** The run to make: terminate `terminate`, then create `workflow`. */
  run?: { scheduledTime: Date; workflow: Workflow; terminate: string[] };
  /** A scheduled time that does not run, and why. */
  skipped?: { scheduledTime: Date; reason: SkipReason; message: string };
  /** The stop strategy failed while syncing children (Argo logs it and keeps the status as it was). */
  syncError?: string;
}

function savedParts(cron: CronWorkflow): string {
  return JSON.stringify([cron.status ?? {}, cron.metadata.labels ?? {}, cron.metadata.annotations ?? {}]);
}

function scheduledTimeFor(input: CronDecisionInput, cron: CronWorkflow): Date | undefined {
  switch (input.trigger.type) {
    case 'scheduled':
      return input.trigger.scheduledTime;
    case 'changed':
      // Argo's controller ignores completed crons and does not make up runs for invalid ones.
      if (input.specError !== undefined || isCompletedCron(cron)) return undefined;
      return findMissedRun(cron, input.now, input.localZone);
    case 'sync':
      return undefined;
  }
}

/** Decides one pass: sync with the children, then plan the run that is due, if any. */
export function decideCron(input: CronDecisionInput): CronDecision {
  const sync = syncCronChildren(input.cron, input.workflows, input.now);
  let cron = sync.error === undefined ? sync.cron : input.cron;
  const decision: CronDecision = { cron, changed: false, deleteWorkflows: sync.deletions, ...(sync.error ? { syncError: sync.error } : {}) };
  const scheduledTime = scheduledTimeFor(input, cron);
  if (scheduledTime) {
    const plan = planScheduledRun({ cron, scheduledTime, now: input.now, localZone: input.localZone, specError: input.specError });
    cron = plan.cron;
    if (plan.decision.type === 'run') decision.run = { scheduledTime, workflow: plan.decision.workflow, terminate: plan.decision.terminate };
    else decision.skipped = { scheduledTime, reason: plan.decision.reason, message: plan.decision.message };
  }
  decision.cron = cron;
  decision.changed = savedParts(cron) !== savedParts(input.cron);
  return decision;
}
