import type { Condition, CronWorkflow, CronWorkflowStatus } from '@/lib/generated/argo';
import { CRON_COMPLETED_LABEL } from './scheduled-workflow';

// Small immutable edits of a CronWorkflow's status, named after Argo's (Conditions.UpsertCondition, setAsCompleted...).

export type ConditionType = 'SpecError' | 'SubmissionError';

/** The cron with one condition set (replacing one of the same type), as Argo's UpsertCondition. */
export function upsertCondition(cron: CronWorkflow, type: ConditionType, message: string): CronWorkflow {
  const condition: Condition = { type, status: 'True', message };
  const conditions = cron.status?.conditions ?? [];
  const index = conditions.findIndex((c) => c.type === type);
  const next = index < 0 ? [...conditions, condition] : conditions.map((c, i) => (i === index ? condition : c));
  return withStatus(cron, { conditions: next });
}

/** The cron without conditions of a type. */
export function removeCondition(cron: CronWorkflow, type: ConditionType): CronWorkflow {
  const conditions = cron.status?.conditions;
  if (!conditions?.some((c) => c.type === type)) return cron;
  return withStatus(cron, { conditions: conditions.filter((c) => c.type !== type) });
}

/** The cron with some status fields replaced; empty `active` and `conditions` are dropped, as Argo's nil slices are. */
export function withStatus(cron: CronWorkflow, changes: Partial<CronWorkflowStatus>): CronWorkflow {
  const status: CronWorkflowStatus = { ...cron.status, ...changes };
  if (status.active?.length === 0) delete status.active;
  if (status.conditions?.length === 0) delete status.conditions;
  return { ...cron, status };
}

/**
 * Argo's reportCronWorkflowError: sets the condition; a SubmissionError also counts as a failed run, which
 * `stopStrategy` (`cronworkflow.failed`) sees.
 */
export function reportCronError(cron: CronWorkflow, type: ConditionType, message: string): CronWorkflow {
  const reported = upsertCondition(cron, type, message);
  return type === 'SubmissionError' ? withStatus(reported, { failed: (reported.status?.failed ?? 0) + 1 }) : reported;
}

/** Argo's setAsCompleted: the stop strategy held, so the cron is Stopped and labelled completed. */
export function markCompleted(cron: CronWorkflow): CronWorkflow {
  const stopped = withStatus(cron, { phase: 'Stopped' });
  return { ...stopped, metadata: { ...stopped.metadata, labels: { ...stopped.metadata.labels, [CRON_COMPLETED_LABEL]: 'true' } } };
}

/** Whether the cron carries the completed label (Argo's controller then ignores its events). */
export function isCompletedCron(cron: Pick<CronWorkflow, 'metadata'>): boolean {
  return cron.metadata.labels?.[CRON_COMPLETED_LABEL] === 'true';
}
