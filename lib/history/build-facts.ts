import { isCompleted } from '../engine/phases';
import type { Workflow } from '../generated/argo';
import { stagesOfNodes, type StageRun } from './stages';
import type { Trigger } from './trigger';

/** What the history records of a workflow (everything but its number and job). */
export interface WorkflowFacts {
  uid: string;
  namespace: string;
  workflowName: string;
  phase: string;
  message: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string | null;
  parameters: { name: string; value: string }[];
  /** The top-level stages once the workflow completed; null while it runs (live workflows are read directly). */
  stages: StageRun[] | null;
}

const zeroTime = /^0001-01-01/;
const time = (text: string | undefined | null): string | null => (text && !zeroTime.test(text) ? text : null);

/**
 * The parameters a workflow ran with: its own arguments over the job's defaults (the template spec the controller
 * stored at start); values are text, as Argo passes them.
 */
export function effectiveParameters(workflow: Workflow): { name: string; value: string }[] {
  const merged = new Map<string, string>();
  const stored = workflow.status?.storedWorkflowTemplateSpec?.arguments?.parameters ?? [];
  for (const p of [...stored, ...(workflow.spec?.arguments?.parameters ?? [])]) {
    if (p.value !== undefined && p.value !== null) merged.set(p.name, String(p.value));
    else if (!merged.has(p.name) && p.default !== undefined) merged.set(p.name, String(p.default));
  }
  return [...merged].map(([name, value]) => ({ name, value }));
}

/** The history's view of a workflow. */
export function workflowFacts(workflow: Workflow): WorkflowFacts {
  const phase = workflow.status?.phase ?? '';
  const name = workflow.metadata.name ?? '';
  return {
    uid: workflow.metadata.uid ?? '',
    namespace: workflow.metadata.namespace ?? '',
    workflowName: name,
    phase,
    message: workflow.status?.message || null,
    startedAt: time(workflow.status?.startedAt),
    finishedAt: time(workflow.status?.finishedAt),
    createdAt: time(workflow.metadata.creationTimestamp),
    parameters: effectiveParameters(workflow),
    // Unknown (null) when the nodes were not read: the stage view then reads them once from the archive.
    stages: isCompleted(phase) && workflow.status?.nodes ? stagesOfNodes(name, workflow.status.nodes) : null,
  };
}

/** Whether what the history keeps of a build changed between two sightings. */
export function factsChanged(before: Pick<WorkflowFacts, 'phase' | 'startedAt' | 'finishedAt'>, after: WorkflowFacts): boolean {
  return before.phase !== after.phase || before.startedAt !== after.startedAt || before.finishedAt !== after.finishedAt;
}

export type { Trigger };
