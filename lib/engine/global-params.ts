import type { Workflow, WorkflowSpec } from '../generated/argo';
import { parameterText } from './process-args';

/** The `workflow.*` variables every template can use, as Argo's setGlobalParameters. */
export function toGlobalParams(workflow: Workflow, spec: WorkflowSpec, startedAt: string | undefined, now: Date): Record<string, string> {
  const meta = workflow.metadata;
  const params: Record<string, string> = {
    'workflow.name': meta.name ?? '',
    'workflow.namespace': meta.namespace ?? '',
    'workflow.uid': meta.uid ?? '',
    'workflow.mainEntrypoint': spec.entrypoint ?? '',
    'workflow.serviceAccountName': spec.serviceAccountName ?? '',
    'workflow.creationTimestamp': meta.creationTimestamp ?? '',
  };
  if (spec.priority !== undefined) params['workflow.priority'] = String(spec.priority);
  if (startedAt) params['workflow.duration'] = String((now.getTime() - Date.parse(startedAt)) / 1000);
  const parameters = spec.arguments?.parameters ?? [];
  for (const parameter of parameters) {
    const value = parameterText(parameter.value) ?? parameterText(parameter.default);
    if (value !== undefined) params[`workflow.parameters.${parameter.name}`] = value;
  }
  params['workflow.parameters'] = JSON.stringify(parameters);
  for (const [key, value] of Object.entries(meta.labels ?? {})) params[`workflow.labels.${key}`] = value;
  for (const [key, value] of Object.entries(meta.annotations ?? {})) params[`workflow.annotations.${key}`] = value;
  params['workflow.labels'] = JSON.stringify(meta.labels ?? {});
  params['workflow.annotations'] = JSON.stringify(meta.annotations ?? {});
  return params;
}
