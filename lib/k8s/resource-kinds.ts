/** The resources Capstan keeps, by their Kubernetes plural name. */
export interface ResourceKind {
  plural: string;
  kind: string;
  group: string;
  version: string;
  namespaced: boolean;
}

const argo = (plural: string, kind: string, namespaced = true): ResourceKind => ({
  plural, kind, group: 'argoproj.io', version: 'v1alpha1', namespaced,
});

export const resourceKinds = {
  workflows: argo('workflows', 'Workflow'),
  workflowtemplates: argo('workflowtemplates', 'WorkflowTemplate'),
  clusterworkflowtemplates: argo('clusterworkflowtemplates', 'ClusterWorkflowTemplate', false),
  cronworkflows: argo('cronworkflows', 'CronWorkflow'),
  workflowtaskresults: argo('workflowtaskresults', 'WorkflowTaskResult'),
  workfloweventbindings: argo('workfloweventbindings', 'WorkflowEventBinding'),
  workflowartifactgctasks: argo('workflowartifactgctasks', 'WorkflowArtifactGCTask'),
} as const satisfies Record<string, ResourceKind>;

export type ResourcePlural = keyof typeof resourceKinds;

/** The fully qualified name used in messages, e.g. `workflows.argoproj.io`. */
export function qualifiedName(plural: ResourcePlural): string {
  return `${plural}.${resourceKinds[plural].group}`;
}
