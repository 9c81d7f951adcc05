// CronWorkflows with Argo v4.1.2's semantics: robfig/cron schedules in a timezone, and the decisions of Argo's cron
// controller as pure functions of the CronWorkflow, its workflows and `now`.

export { type CronSchedule, CronScheduleError, parseCronSchedule } from './parse-schedule';
export { nextActivation, previousActivation } from './next-time';
export {
  LAST_USED_SCHEDULE_ANNOTATION, cronScheduleStrings, isUsingNewSchedule, nextScheduledTime, parseCronSchedules,
  previousScheduledTime, scheduleAnnotationValue, schedulesWithTimezone,
} from './cron-schedules';
export { findMissedRun } from './missed-run';
export { cronVariables, evaluateCronWhen, evaluateStopStrategy } from './cron-env';
export {
  CRON_COMPLETED_LABEL, CRON_WORKFLOW_LABEL, SCHEDULED_TIME_ANNOTATION, buildScheduledWorkflow, cronOwnerReference, isOwnedBy,
  scheduledWorkflowName, toActiveReference,
} from './scheduled-workflow';
export { isCompletedCron, markCompleted, reportCronError } from './cron-status';
export { selectHistoryDeletions, syncCronChildren } from './sync-children';
export { type RunOutcome, type SkipReason, planScheduledRun, recordRunOutcome, submissionErrorMessage } from './plan-run';
export { type CronDecision, type CronDecisionInput, type CronTrigger, decideCron } from './decide-cron';
export { formatRfc3339, isKnownZone } from './zoned-time';
