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

/** Annotations Argo's controller sets on its node Events (workflow/common/common.go). */
export const nodeEventAnnotations = {
  nodeType: 'workflows.argoproj.io/node-type',
  nodeName: 'workflows.argoproj.io/node-name',
  nodeId: 'workflows.argoproj.io/node-id',
  nodeStartTime: 'workflows.argoproj.io/node-start-time',
  workflowName: 'workflows.argoproj.io/workflow-name',
  workflowUid: 'workflows.argoproj.io/workflow-uid',
} as const;
