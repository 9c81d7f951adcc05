import type { CronWorkflow } from '@/lib/generated/argo';
import { checkTimezone } from './check-timezone';
import { checkCronSchedule } from './parse-cron-schedule';
import type { ValidationContext, ValidationIssue, ValidationResult } from './types';
import { createState, decodeChecked } from './validate-workflow';
import { validateWorkflowSpec } from './validate-workflow-spec';
import { toIssue } from './validation-state';

// A CronWorkflow's workflows get a timestamp suffix, so its name must leave room for it within 63 characters.
const maxCronNameLength = 52;
const concurrencyPolicies = ['Allow', 'Forbid', 'Replace', ''];

function checkCronSpec(cron: CronWorkflow): ValidationIssue | undefined {
  const name = cron.metadata?.name ?? '';
  if (name.length > maxCronNameLength) {
    return toIssue('metadata.name', `cron workflow name "${name}" must not be more than ${maxCronNameLength} characters long (currently ${name.length})`);
  }
  const spec = cron.spec;
  if ((spec?.schedules ?? []).length === 0) return toIssue('spec.schedules', 'cron workflow must have at least one schedule');
  for (const [index, schedule] of (spec?.schedules ?? []).entries()) {
    const problem = checkCronSchedule(schedule);
    if (problem !== undefined) return toIssue(`spec.schedules[${index}]`, `cron schedule "${schedule}" is malformed: ${problem}`);
  }
  if (spec?.timezone) {
    const problem = checkTimezone(spec.timezone);
    if (problem !== undefined) return toIssue('spec.timezone', `invalid timezone "${spec.timezone}": ${problem}`);
  }
  const policy = spec?.concurrencyPolicy ?? '';
  if (!concurrencyPolicies.includes(policy)) {
    return toIssue('spec.concurrencyPolicy', `'${policy}' is not a valid concurrencyPolicy: use Allow, Forbid or Replace`);
  }
  if ((spec?.startingDeadlineSeconds ?? 0) < 0) return toIssue('spec.startingDeadlineSeconds', 'startingDeadlineSeconds must be positive');
  return undefined;
}

/**
 * Validates a CronWorkflow as `argo lint` does: its schedule, then its workflow as submission would (Argo
 * validates a CronWorkflow's workflow without lint leniency, so its arguments need values).
 */
export function validateCronWorkflow(cron: unknown, context: ValidationContext = {}): ValidationResult {
  const { decoded, issues } = decodeChecked<CronWorkflow>(cron, 'CronWorkflow', context);
  if (decoded === undefined) return { errors: issues };
  const cronIssue = checkCronSpec(decoded);
  if (cronIssue !== undefined) return { errors: [...issues, cronIssue] };
  const workflowMetadata = decoded.spec?.workflowMetadata;
  const state = createState(context, { lint: false, submit: false, ignoreEntrypoint: false, workflowTemplateValidation: false });
  const errors = validateWorkflowSpec(state, {
    name: '',
    // The labels and annotations Argo's ConvertCronWorkflowToWorkflow puts on each workflow it creates.
    labels: { ...workflowMetadata?.labels, 'workflows.argoproj.io/cron-workflow': decoded.metadata?.name ?? '' },
    annotations: { ...workflowMetadata?.annotations, 'workflows.argoproj.io/scheduled-time': '' },
    spec: decoded.spec?.workflowSpec ?? {},
    specPath: 'spec.workflowSpec',
  });
  return { errors: [...issues, ...errors] };
}
