import { toKubeTime } from '@/lib/k8s/object';
import type { CronWorkflow, Workflow } from '@/lib/generated/argo';
import { evaluateCronWhen, evaluateStopStrategy } from './cron-env';
import { LAST_USED_SCHEDULE_ANNOTATION, isUsingNewSchedule, scheduleAnnotationValue } from './cron-schedules';
import { markCompleted, removeCondition, reportCronError, withStatus } from './cron-status';
import { buildScheduledWorkflow, scheduledWorkflowName, toActiveReference } from './scheduled-workflow';

// Argo's cronWfOperationCtx.run for one scheduled time: validate, check the stop strategy, enforce the run policy
// (suspend, Stopped, `when`, concurrencyPolicy), then submit. The plan says what to do; recordRunOutcome writes
// what happened into the status, as Argo does after submitting.

/** Why a scheduled run does not happen. */
export type SkipReason = 'invalid' | 'stop-strategy-error' | 'suspended' | 'stopped' | 'when-false' | 'when-error' | 'forbid-active'
  | 'invalid-concurrency-policy';

export type RunDecision =
  | { type: 'skip'; reason: SkipReason; message: string }
  /** Create `workflow`; first terminate `terminate` (concurrencyPolicy Replace: the active workflows). */
  | { type: 'run'; workflow: Workflow; terminate: string[] };

export interface RunPlan {
  /** The cron as Argo holds it before submitting: schedule annotation, conditions, stop state. Saved whatever happens. */
  cron: CronWorkflow;
  decision: RunDecision;
}

export interface PlanRunInput {
  cron: CronWorkflow;
  scheduledTime: Date;
  now: Date;
  /** Go's time.Local for schedules without a timezone and for the scheduled-time annotation. */
  localZone: string;
  /** Why the CronWorkflow is invalid (validateCronWorkflow's first error), if it is. */
  specError?: string;
}

const skip = (cron: CronWorkflow, reason: SkipReason, message: string): RunPlan => ({ cron, decision: { type: 'skip', reason, message } });

/** Decides what a scheduled run does; `cron.status.active` should be current (sync the children first). */
export function planScheduledRun(input: PlanRunInput): RunPlan {
  let cron = input.cron;
  if (isUsingNewSchedule(cron)) {
    cron = { ...cron, metadata: { ...cron.metadata, annotations: { ...cron.metadata.annotations, [LAST_USED_SCHEDULE_ANNOTATION]: scheduleAnnotationValue(cron.spec) } } };
  }
  if (input.specError !== undefined) return skip(reportCronError(cron, 'SpecError', input.specError), 'invalid', input.specError);
  cron = removeCondition(cron, 'SpecError');

  const stop = evaluateStopStrategy(cron, input.now);
  if (!stop.ok) {
    const message = `failed to check CronWorkflow '${cron.metadata.name}' stopping condition: ${stop.message}`;
    return skip(reportCronError(cron, 'SpecError', message), 'stop-strategy-error', message);
  }
  if (stop.value) cron = markCompleted(cron);

  if (cron.spec.suspend) return skip(cron, 'suspended', 'CronWorkflow suspended, skipping execution');
  if (cron.status?.phase === 'Stopped') return skip(cron, 'stopped', 'CronWorkflow is marked as stopped since it achieved the stopping condition');
  const when = evaluateCronWhen(cron, input.now);
  if (!when.ok) {
    const message = `run policy error: ${when.message}`;
    return skip(reportCronError(cron, 'SubmissionError', message), 'when-error', message);
  }
  if (!when.value) return skip(cron, 'when-false', `when '${cron.spec.when}' evaluated false`);

  const active = cron.status?.active ?? [];
  let terminate: string[] = [];
  switch (cron.spec.concurrencyPolicy ?? '') {
    case '': case 'Allow':
      break;
    case 'Forbid':
      if (active.length > 0) return skip(cron, 'forbid-active', "'ConcurrencyPolicy: Forbid' and has an active Workflow so it was not run");
      break;
    case 'Replace':
      // Never this run's own workflow: after a lost status update it is active already, and its create is refused.
      terminate = active.map((ref) => ref.name ?? '').filter((name) => name !== scheduledWorkflowName(cron.metadata.name ?? '', input.scheduledTime));
      break;
    default: {
      const message = `run policy error: invalid ConcurrencyPolicy: ${cron.spec.concurrencyPolicy}`;
      return skip(reportCronError(cron, 'SubmissionError', message), 'invalid-concurrency-policy', message);
    }
  }
  return { cron, decision: { type: 'run', workflow: buildScheduledWorkflow(cron, input.scheduledTime, input.localZone), terminate } };
}

/** What submitting the planned workflow came to. */
export type RunOutcome =
  | { type: 'created'; workflow: Workflow; scheduledTime: Date }
  /** The workflow for this scheduled time exists already: the run happened before (a restart, a second schedule). */
  | { type: 'already-exists' }
  /** Terminating the replaced workflows or submitting failed; `message` is Argo's condition message. */
  | { type: 'failed'; message: string };

/** Argo's `Failed to submit Workflow: ...` condition message. */
export function submissionErrorMessage(reason: string): string {
  return `Failed to submit Workflow: ${reason}`;
}

/** The status after a run: a created workflow becomes active and sets `lastScheduledTime`; a failure is a SubmissionError. */
export function recordRunOutcome(cron: CronWorkflow, outcome: RunOutcome): CronWorkflow {
  switch (outcome.type) {
    case 'already-exists':
      return cron;
    case 'failed':
      return reportCronError(cron, 'SubmissionError', outcome.message);
    case 'created': {
      const ran = withStatus(cron, {
        active: [...(cron.status?.active ?? []), toActiveReference(outcome.workflow)],
        phase: 'Active',
        lastScheduledTime: toKubeTime(outcome.scheduledTime),
      });
      return removeCondition(ran, 'SubmissionError');
    }
  }
}
