import type { BuildFormValues } from './form-values';
import type { ParameterField } from './parameter-fields';
import { parseLabels } from './validate-build';

/** The body of Argo's `POST /api/v1/workflows/{namespace}/submit`. */
export interface SubmitRequest {
  resourceKind: 'WorkflowTemplate' | 'ClusterWorkflowTemplate' | 'CronWorkflow';
  resourceName: string;
  submitOptions: { parameters?: string[]; labels?: string; entrypoint?: string };
}

/**
 * The submit request for a validated form. Every declared parameter is sent, defaults included, so the build
 * records exactly what it ran with and a rebuild or a diff against it needs no template.
 */
export function toSubmitRequest(
  resourceKind: SubmitRequest['resourceKind'],
  resourceName: string,
  fields: ParameterField[],
  values: BuildFormValues,
): SubmitRequest {
  const parameters = fields.map((f) => `${f.name}=${values.parameters[f.name] ?? f.initial}`);
  const parsed = parseLabels(values.labels);
  const labels = 'labels' in parsed ? Object.entries(parsed.labels).map(([k, v]) => `${k}=${v}`).join(',') : '';
  return {
    resourceKind,
    resourceName,
    submitOptions: {
      ...(parameters.length ? { parameters } : {}),
      ...(labels ? { labels } : {}),
      ...(values.entrypoint ? { entrypoint: values.entrypoint } : {}),
    },
  };
}
