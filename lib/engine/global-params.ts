import type { Workflow, WorkflowSpec } from '../generated/argo';
import { parameterText } from './parameter-text';
import { strftimeFormats } from './strftime';

// Every reconcile of every workflow needs these ~30 strftime renderings of its creation time; workflows created in
// the same second share them (a thousand created at once: a few dozen seconds), so they are kept for the latest few.
const creationTimeCache = new Map<string, Readonly<Record<string, string>>>();
const creationTimeCacheSize = 256;

function creationTimeParams(creationTimestamp: string): Readonly<Record<string, string>> {
  let params = creationTimeCache.get(creationTimestamp);
  if (params) return params;
  const created = new Date(creationTimestamp);
  const rendered: Record<string, string> = {};
  for (const [char, format] of Object.entries(strftimeFormats)) rendered[`workflow.creationTimestamp.${char}`] = format(created);
  rendered['workflow.creationTimestamp.s'] = String(Math.floor(created.getTime() / 1000));
  rendered['workflow.creationTimestamp.RFC3339'] = creationTimestamp;
  params = Object.freeze(rendered);
  if (creationTimeCache.size >= creationTimeCacheSize) creationTimeCache.delete(creationTimeCache.keys().next().value!);
  creationTimeCache.set(creationTimestamp, params);
  return params;
}

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
  if (meta.creationTimestamp) Object.assign(params, creationTimeParams(meta.creationTimestamp));
  const scheduled = meta.annotations?.['workflows.argoproj.io/scheduled-time'];
  if (scheduled) params['workflow.scheduledTime'] = scheduled;
  if (spec.priority !== undefined) params['workflow.priority'] = String(spec.priority);
  if (startedAt) params['workflow.duration'] = String((now.getTime() - Date.parse(startedAt)) / 1000);
  const parameters = spec.arguments?.parameters ?? [];
  // Only values count: a workflow parameter without one is an error at submit time, not a default here.
  for (const parameter of parameters) {
    const value = parameterText(parameter.value);
    if (value !== undefined) params[`workflow.parameters.${parameter.name}`] = value;
  }
  params['workflow.parameters'] = JSON.stringify(parameters);
  params['workflow.parameters.json'] = JSON.stringify(parameters);
  for (const [key, value] of Object.entries(meta.labels ?? {})) params[`workflow.labels.${key}`] = value;
  for (const [key, value] of Object.entries(meta.annotations ?? {})) params[`workflow.annotations.${key}`] = value;
  params['workflow.labels'] = JSON.stringify(meta.labels ?? {});
  params['workflow.labels.json'] = params['workflow.labels'];
  params['workflow.annotations'] = JSON.stringify(meta.annotations ?? {});
  params['workflow.annotations.json'] = params['workflow.annotations'];
  for (const parameter of workflow.status?.outputs?.parameters ?? []) {
    const value = parameterText(parameter.value);
    if (value !== undefined) params[`workflow.outputs.parameters.${parameter.name}`] = value;
  }
  return params;
}
