import type { WorkflowAction } from '@/lib/workflows/available-actions';

/** What each action is called and what it does, for buttons and confirmation dialogs. */
export const actionTexts: Record<WorkflowAction, { label: string; verb: string; explain: string; danger?: boolean }> = {
  resubmit: { label: 'Resubmit', verb: 'resubmit', explain: 'A new workflow is created from this one’s spec and runs from the start.' },
  retry: { label: 'Retry', verb: 'retry', explain: 'The failed steps run again; the steps that succeeded keep their results.' },
  suspend: { label: 'Suspend', verb: 'suspend', explain: 'No new steps start until the workflow is resumed; running steps finish.' },
  resume: { label: 'Resume', verb: 'resume', explain: 'The workflow carries on from where it was suspended.' },
  stop: { label: 'Stop', verb: 'stop', explain: 'Running steps are stopped, and exit handlers still run.', danger: true },
  terminate: { label: 'Terminate', verb: 'terminate', explain: 'Running steps are killed at once; exit handlers do not run.', danger: true },
  delete: { label: 'Delete', verb: 'delete', explain: 'The workflow and its history on this page are removed. This cannot be undone.', danger: true },
};
