import type { Template } from '../generated/argo';

// Go's encoding/json writes struct fields in declaration order and keeps empty structs; the leading fields here follow
// Argo's Template and core/v1 Container so the value reads like the one Argo's controller writes.
const containerOrder = ['name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources'];

function ordered<T extends object>(value: T, first: string[]): T {
  const entries = Object.entries(value);
  const head = first.flatMap((key) => entries.filter(([k]) => k === key));
  return Object.fromEntries([...head, ...entries.filter(([k]) => !first.includes(k))]) as T;
}

/**
 * The value of ARGO_TEMPLATE: the template argoexec runs, with `inputs` reduced to its artifacts (parameters are
 * already substituted into the template, so Argo drops them) and Go's always-present empty structs filled in.
 */
export function toTemplateEnvValue(template: Template): string {
  const { inputs, outputs, metadata, ...rest } = template;
  const simplified: Record<string, unknown> = {
    name: template.name ?? '',
    inputs: inputs?.artifacts?.length ? { artifacts: inputs.artifacts } : {},
    outputs: outputs ?? {},
    metadata: metadata ?? {},
    ...rest,
  };
  for (const key of ['container', 'script'] as const) {
    const container = template[key];
    if (container) simplified[key] = ordered({ name: '', ...container, resources: container.resources ?? {} }, containerOrder);
  }
  return JSON.stringify(simplified);
}
