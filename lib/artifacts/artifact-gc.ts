import type { Artifact, Workflow } from '../generated/argo';

/** Argo's artifact GC strategies; an empty strategy means the workflow's, and the workflow's default is Never. */
export type GCStrategy = 'OnWorkflowCompletion' | 'OnWorkflowDeletion' | 'Never';

/** An output artifact to delete: where it was found, so it can be marked `deleted` on its node. */
export interface CollectableArtifact {
  nodeId: string;
  artifact: Artifact;
}

/** The strategy that applies to one artifact: its own `artifactGC.strategy`, else the workflow's (Argo's GetArtifactGCStrategy). */
export function strategyOf(artifact: Artifact, workflow: Workflow): GCStrategy {
  const own = artifact.artifactGC?.strategy;
  if (own) return own as GCStrategy;
  const spec = workflow.status?.storedWorkflowTemplateSpec?.artifactGC?.strategy ? workflow.status.storedWorkflowTemplateSpec : workflow.spec;
  return (spec?.artifactGC?.strategy as GCStrategy | undefined) || 'Never';
}

/** Whether any output artifact of the workflow is to be collected on deletion: then it needs Argo's finalizer. */
export function needsDeletionFinalizer(workflow: Workflow): boolean {
  const declared = [...(workflow.spec?.templates ?? []), ...(workflow.status?.storedWorkflowTemplateSpec?.templates ?? [])]
    .flatMap((t) => t.outputs?.artifacts ?? []);
  if (workflow.spec?.artifactGC?.strategy === 'OnWorkflowDeletion') return true;
  return declared.some((a) => a.artifactGC?.strategy === 'OnWorkflowDeletion');
}

/** The saved output artifacts of the workflow's nodes that this strategy collects and that are not deleted yet. */
export function collectableArtifacts(workflow: Workflow, strategy: Exclude<GCStrategy, 'Never'>): CollectableArtifact[] {
  const found: CollectableArtifact[] = [];
  for (const node of Object.values(workflow.status?.nodes ?? {})) {
    // Steps and DAG nodes only pass on their children's artifacts: each is deleted once, from the pod that saved it.
    if (node.type !== 'Pod') continue;
    for (const artifact of node.outputs?.artifacts ?? []) {
      if (artifact.deleted || artifact.raw || artifact.http || artifact.git) continue;
      if (strategyOf(artifact, workflow) === strategy) found.push({ nodeId: node.id, artifact });
    }
  }
  return found;
}

/** Argo's finalizer for workflows whose artifacts are collected when they are deleted. */
export const artifactGCFinalizer = 'workflows.argoproj.io/artifact-gc';
