import type { Workflow, WorkflowSpec } from '../generated/argo';
import { type Json, podSpecMergeKeys, strategicMerge } from '../pods/strategic-merge-patch';

/** The `patchMergeKey` of every keyed list in Argo's Workflow (its own types and the core/v1 ones inside). */
const workflowMergeKeys: Record<string, string> = {
  ...podSpecMergeKeys,
  templates: 'name',
  tolerations: 'key',
  sidecars: 'name',
  parameters: 'name',
  artifacts: 'name',
};

/**
 * A workflow with the controller's `workflowDefaults` under it, as Argo's `MergeTo(defaults, wf)`: a strategic merge
 * patch of the workflow onto the defaults, so the workflow's own fields win and keyed lists (templates, volumes,
 * parameters, ...) merge by name. Lifecycle hooks and `workflowMetadata.labelsFrom` are added only by keys the
 * workflow does not have, as Argo does.
 */
export function applyWorkflowDefaults(workflow: Workflow, defaults: Workflow | undefined): Workflow {
  if (!defaults) return workflow;
  const { hooks, workflowMetadata, ...defaultSpec } = defaults.spec ?? {};
  const { labelsFrom, ...defaultWorkflowMetadata } = workflowMetadata ?? {};
  const base: Workflow = {
    ...defaults,
    metadata: { ...(defaults.metadata ?? {}) },
    spec: { ...defaultSpec, ...(workflowMetadata ? { workflowMetadata: defaultWorkflowMetadata } : {}) } as WorkflowSpec,
  };
  const merged = strategicMerge(base as unknown as Json, workflow as unknown as Json, workflowMergeKeys) as unknown as Workflow;
  // apiVersion/kind of a defaults object must not leak into the workflow; status is the workflow's alone.
  merged.apiVersion = workflow.apiVersion;
  merged.kind = workflow.kind;
  if (workflow.status) merged.status = workflow.status;
  else delete merged.status;
  const spec = (merged.spec ??= {} as WorkflowSpec);
  if (hooks && Object.keys(hooks).length) spec.hooks = { ...hooks, ...(spec.hooks ?? {}) };
  if (labelsFrom && Object.keys(labelsFrom).length) {
    spec.workflowMetadata ??= {};
    spec.workflowMetadata.labelsFrom = { ...labelsFrom, ...(spec.workflowMetadata.labelsFrom ?? {}) };
  }
  return merged;
}

/**
 * The spec a `workflowTemplateRef` workflow starts from: the WorkflowTemplate's spec over the defaults' spec, so
 * that with the workflow's own fields on top the order of preference is Argo's JoinWorkflowSpec: workflow,
 * then template, then defaults.
 */
export function templateSpecWithDefaults(templateSpec: WorkflowSpec, defaults: Workflow | undefined): WorkflowSpec {
  if (!defaults?.spec) return templateSpec;
  return applyWorkflowDefaults({ metadata: {}, spec: templateSpec } as Workflow, { metadata: {}, spec: defaults.spec } as Workflow).spec!;
}

/** Default labels and annotations added to a workflow's own where it has none of that key (JoinWorkflowMetaData). */
export function defaultMetadataOf(workflow: Workflow, defaults: Workflow | undefined): Workflow['metadata'] {
  const meta = workflow.metadata;
  if (!defaults?.metadata) return meta;
  return {
    ...meta,
    ...(defaults.metadata.labels ? { labels: { ...defaults.metadata.labels, ...(meta.labels ?? {}) } } : {}),
    ...(defaults.metadata.annotations ? { annotations: { ...defaults.metadata.annotations, ...(meta.annotations ?? {}) } } : {}),
  };
}
