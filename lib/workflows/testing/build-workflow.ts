import type { NodeStatus, Workflow } from '../../generated/argo';

/** A small workflow for action tests: a steps root with the given child nodes, in the given phase. */
export function buildWorkflow(phase: string, nodes: NodeStatus[] = [], labels: Record<string, string> = {}): Workflow {
  const root: NodeStatus = { id: 'wf', name: 'wf', displayName: 'wf', type: 'Steps', phase, children: nodes.map((n) => n.id) };
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name: 'wf', namespace: 'argo', labels },
    spec: { entrypoint: 'main', templates: [{ name: 'main' }] },
    status: { phase, nodes: Object.fromEntries([root, ...nodes].map((n) => [n.id, n])) },
  };
}

/** A suspend node waiting for `argo resume`, with an optional supplied output parameter. */
export function suspendNode(id: string, displayName: string, output?: { name: string; default?: string; globalName?: string }): NodeStatus {
  return {
    id, name: `wf[0].${displayName}`, displayName, type: 'Suspend', phase: 'Running', templateName: displayName,
    ...(output ? { outputs: { parameters: [{ name: output.name, globalName: output.globalName, valueFrom: { supplied: {}, default: output.default } }] } } : {}),
  };
}
