import type { NodeStatus } from '../generated/argo';
import { parameterText } from './parameter-text';

/**
 * Variables a steps or DAG template's children can reference: `steps.<name>.…` or `tasks.<name>.…`. A null value
 * is an output of a skipped or omitted node that has no default: present, so `??` can fall back, but absent.
 */
export type Scope = Record<string, string | null>;

/** Adds what one finished (or running) child exposes, as Argo's buildLocalScope. */
export function addNodeToScope(scope: Scope, prefix: 'steps' | 'tasks', name: string, node: NodeStatus): void {
  const key = `${prefix}.${name}`;
  if (node.id) scope[`${key}.id`] = node.id;
  if (node.startedAt) scope[`${key}.startedAt`] = node.startedAt;
  if (node.finishedAt) scope[`${key}.finishedAt`] = node.finishedAt;
  if (node.podIP) scope[`${key}.ip`] = node.podIP;
  if (node.phase) scope[`${key}.status`] = node.phase;
  if (node.hostNodeName) scope[`${key}.hostNodeName`] = node.hostNodeName;
  const outputs = node.outputs;
  if (!outputs) return;
  if (outputs.result !== undefined) scope[`${key}.outputs.result`] = outputs.result;
  if (outputs.exitCode !== undefined) scope[`${key}.exitCode`] = outputs.exitCode;
  for (const parameter of outputs.parameters ?? []) {
    const value = parameterText(parameter.value);
    if (value !== undefined) scope[`${key}.outputs.parameters.${parameter.name}`] = value;
  }
  for (const artifact of outputs.artifacts ?? []) scope[`${key}.outputs.artifacts.${artifact.name}`] = JSON.stringify(artifact);
}

// Loop results keep their JSON type when they parse, as Argo's aggregatedJSONValueList does.
function toJsonList(values: string[]): string {
  return JSON.stringify(values.map((v) => {
    try {
      const parsed: unknown = JSON.parse(v);
      return typeof parsed === 'object' && parsed !== null ? parsed : v;
    } catch {
      return v;
    }
  }));
}

/** Adds the aggregated outputs of an expanded loop: results and parameters as JSON lists in item order. */
export function addLoopToScope(scope: Scope, prefix: 'steps' | 'tasks', name: string, children: NodeStatus[]): void {
  const ordered = [...children].sort((a, b) => loopIndex(a.name) - loopIndex(b.name));
  const key = `${prefix}.${name}`;
  const results = ordered.map((n) => n.outputs?.result).filter((r): r is string => r !== undefined);
  if (results.length) scope[`${key}.outputs.result`] = toJsonList(results);
  const parameterLists = ordered.map((n) => n.outputs?.parameters ?? []).filter((p) => p.length > 0);
  if (parameterLists.length) {
    const objects = parameterLists.map((list) => Object.fromEntries(list.map((p) => [p.name, parameterText(p.value) ?? ''])));
    scope[`${key}.outputs.parameters`] = JSON.stringify(objects);
    for (const parameterName of new Set(parameterLists.flat().map((p) => p.name))) {
      const values = parameterLists.map((list) => parameterText(list.find((p) => p.name === parameterName)?.value) ?? '');
      scope[`${key}.outputs.parameters.${parameterName}`] = toJsonList(values);
    }
  }
}

/** The item index in a loop node's name `name(3:label)`. */
export function loopIndex(nodeName: string): number {
  const match = /\((\d+):[^()]*\)$/.exec(nodeName) ?? /\((\d+):/.exec(nodeName.slice(nodeName.lastIndexOf('(')));
  return match ? Number(match[1]) : 0;
}

/**
 * A skipped or omitted node produced nothing, but its template's declared outputs still exist in scope: with
 * their default, or as absent (null), as Argo's addSkippedNodeOutputsToScope.
 */
export function addSkippedOutputsToScope(
  scope: Scope,
  prefix: 'steps' | 'tasks',
  name: string,
  node: NodeStatus,
  template: { outputs?: { parameters?: { name: string; valueFrom?: { default?: unknown } }[]; artifacts?: { name: string }[] } } | undefined,
): void {
  if (node.outputs || (node.phase !== 'Skipped' && node.phase !== 'Omitted') || !template) return;
  for (const parameter of template.outputs?.parameters ?? []) {
    scope[`${prefix}.${name}.outputs.parameters.${parameter.name}`] = parameterText(parameter.valueFrom?.default) ?? null;
  }
  // An empty artifact, as Argo's: a reference to it resolves, to an artifact with no location.
  for (const artifact of template.outputs?.artifacts ?? []) scope[`${prefix}.${name}.outputs.artifacts.${artifact.name}`] = '{}';
}

/** The value that stands for "argument not supplied" once an argument named an absent output. */
export const absentArgument = '__capstan_absent_optional__';

/** Replaces arguments that are exactly a reference to an absent output with the absent marker. */
export function markAbsentArguments<T extends { arguments?: { parameters?: { value?: unknown }[] } }>(holder: T, scope: Scope): T {
  const parameters = holder.arguments?.parameters;
  if (!parameters?.some((p) => isAbsentReference(p.value, scope))) return holder;
  return {
    ...holder,
    arguments: {
      ...holder.arguments,
      parameters: parameters.map((p) => (isAbsentReference(p.value, scope) ? { ...p, value: absentArgument } : p)),
    },
  };
}

function isAbsentReference(value: unknown, scope: Scope): boolean {
  if (typeof value !== 'string') return false;
  const match = /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(value);
  return !!match && scope[match[1]!] === null;
}
