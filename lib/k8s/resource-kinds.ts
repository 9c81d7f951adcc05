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
  // Embedded mode keeps ConfigMaps too (memoization caches, resource templates); kubernetes mode reads the cluster's
  // through the core API, never through this table.
  configmaps: { plural: 'configmaps', kind: 'ConfigMap', group: '', version: 'v1', namespaced: true },
  // And the Events its controller records (kubernetes mode creates them in the cluster: ClusterPort.recordEvent).
  events: { plural: 'events', kind: 'Event', group: '', version: 'v1', namespaced: true },
} as const satisfies Record<string, ResourceKind>;

export type ResourcePlural = keyof typeof resourceKinds;

/** The fully qualified name used in messages, e.g. `workflows.argoproj.io`. */
export function qualifiedName(plural: ResourcePlural): string {
  const { group } = resourceKinds[plural];
  return group ? `${plural}.${group}` : plural;
}
