/** Labels Argo's controller and server set on workflows (workflow/common/common.go). */
export const workflowLabels = {
  phase: 'workflows.argoproj.io/phase',
  completed: 'workflows.argoproj.io/completed',
  archivingStatus: 'workflows.argoproj.io/workflow-archiving-status',
  resubmittedFrom: 'workflows.argoproj.io/resubmitted-from-workflow',
  creator: 'workflows.argoproj.io/creator',
  creatorEmail: 'workflows.argoproj.io/creator-email',
  creatorPreferredUsername: 'workflows.argoproj.io/creator-preferred-username',
} as const;
