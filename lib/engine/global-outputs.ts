import type { Artifact, NodeStatus, Parameter, WorkflowStatus } from '../generated/argo';
import type { Operation } from './operation';
import { parameterText } from './parameter-text';

/**
 * Exports outputs marked with `globalName` to the workflow, as Argo's addOutputsToGlobalScope: into
 * `status.outputs` (under the global name, the latest finished node winning) and into
 * `{{workflow.outputs.parameters.<name>}}` / `{{workflow.outputs.artifacts.<name>}}`.
 */
export function applyGlobalOutputs(op: Operation, status: WorkflowStatus): void {
  // One pass without copies: it runs twice per reconcile over every node, and most workflows export nothing.
  const exporting: NodeStatus[] = [];
  for (const node of op.nodeList) {
    const outputs = node.outputs;
    if (outputs && (outputs.parameters?.some((p) => p.globalName) || outputs.artifacts?.some((a) => a.globalName))) exporting.push(node);
  }
  const finished = exporting
    .sort((a, b) => (a.finishedAt ?? '').localeCompare(b.finishedAt ?? '') || a.id.localeCompare(b.id));
  if (!finished.length) return;
  const parameters = new Map((status.outputs?.parameters ?? []).map((p) => [p.name, p] as const));
  const artifacts = new Map((status.outputs?.artifacts ?? []).map((a) => [a.name, a] as const));
  for (const node of finished) {
    for (const parameter of node.outputs?.parameters ?? []) {
      if (!parameter.globalName) continue;
      const value = parameterText(parameter.value);
      const exported: Parameter = { name: parameter.globalName, ...(value !== undefined ? { value } : {}) };
      parameters.set(parameter.globalName, exported);
    }
    for (const artifact of node.outputs?.artifacts ?? []) {
      if (!artifact.globalName) continue;
      const { globalName, ...rest } = artifact;
      const exported: Artifact = { ...rest, name: globalName };
      artifacts.set(globalName, exported);
    }
  }
  for (const [name, parameter] of parameters) {
    const value = parameterText(parameter.value);
    if (value !== undefined) op.globalParams[`workflow.outputs.parameters.${name}`] = value;
  }
  for (const [name, artifact] of artifacts) op.globalParams[`workflow.outputs.artifacts.${name}`] = JSON.stringify(artifact);
  status.outputs = {
    ...(parameters.size ? { parameters: [...parameters.values()] } : {}),
    ...(artifacts.size ? { artifacts: [...artifacts.values()] } : {}),
  };
}
