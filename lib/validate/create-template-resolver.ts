import type { ClusterWorkflowTemplate, WorkflowTemplate } from '@/lib/generated/argo';
import type { TemplateResolver } from './types';

function isKind<T>(manifest: unknown, kind: string): manifest is T {
  return typeof manifest === 'object' && manifest !== null && (manifest as { kind?: unknown }).kind === kind;
}

/**
 * A resolver over a set of manifests, as `argo lint --offline` resolves references from the files it is given:
 * WorkflowTemplates by namespace and name (a template without a namespace matches any), ClusterWorkflowTemplates by name.
 */
export function createTemplateResolver(manifests: readonly unknown[]): TemplateResolver {
  const templates = manifests.filter((manifest) => isKind<WorkflowTemplate>(manifest, 'WorkflowTemplate'));
  const clusterTemplates = manifests.filter((manifest) => isKind<ClusterWorkflowTemplate>(manifest, 'ClusterWorkflowTemplate'));
  return {
    getWorkflowTemplate: (name, namespace) =>
      templates.find((template) => template.metadata?.name === name && (template.metadata.namespace ?? namespace) === namespace) ??
      templates.find((template) => template.metadata?.name === name && !template.metadata.namespace),
    getClusterWorkflowTemplate: (name) => clusterTemplates.find((template) => template.metadata?.name === name),
  };
}
