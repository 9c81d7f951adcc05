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
  const asGoWrites = <T extends { name?: string; resources?: object }>(container: T): T =>
    ordered({ name: '', ...container, resources: container.resources ?? {} }, containerOrder);
  for (const key of ['container', 'script'] as const) {
    const container = template[key];
    if (container) simplified[key] = asGoWrites(container);
  }
  // Sidecars, init containers and a containerSet's containers embed core/v1 Container too.
  for (const key of ['sidecars', 'initContainers'] as const) {
    if (template[key]) simplified[key] = template[key].map(asGoWrites);
  }
  if (template.containerSet) simplified['containerSet'] = { ...template.containerSet, containers: template.containerSet.containers.map(asGoWrites) };
  // Go's encoder escapes <, > and & (and the two JavaScript line separators) inside strings: the same bytes as Argo's.
  return JSON.stringify(simplified).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
