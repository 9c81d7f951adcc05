import type { NodeStatus, WorkflowSpec } from '../generated/argo';

/** One top-level step or task of a build. */
export interface StageRun {
  name: string;
  phase: string;
  startedAt: string | null;
  durationSeconds: number | null;
}

// Loop iterations are `name(0:value)`; retry attempts `name(0)`: both belong to the stage `name`.
const iterationSuffix = /\(\d+(:.*)?\)$/;

function seconds(startedAt: string | undefined, finishedAt: string | undefined): number | null {
  if (!startedAt || !finishedAt) return null;
  const ms = Date.parse(finishedAt) - Date.parse(startedAt);
  return Number.isNaN(ms) ? null : Math.max(0, ms / 1000);
}

/** The phase of a stage made of several nodes (loop iterations): running wins, then Error, Failed, then Succeeded. */
export function combinePhases(phases: string[]): string {
  if (phases.some((p) => p === 'Running' || p === 'Pending' || p === '')) return 'Running';
  for (const phase of ['Error', 'Failed', 'Succeeded']) if (phases.includes(phase)) return phase;
  return phases[0] ?? 'Skipped';
}

/**
 * The top-level steps or tasks of a build from its `status.nodes`: the nodes whose boundary is the root (step
 * groups and retry attempts left out), loop iterations combined into one stage, in start order.
 */
export function stagesOfNodes(workflowName: string, nodes: Record<string, NodeStatus> | undefined): StageRun[] {
  if (!nodes) return [];
  const root = nodes[workflowName] ?? Object.values(nodes).find((n) => n.name === workflowName);
  if (!root) return [];
  const attempts = new Set<string>();
  for (const node of Object.values(nodes)) if (node.type === 'Retry') for (const child of node.children ?? []) attempts.add(child);
  const groups = new Map<string, NodeStatus[]>();
  for (const node of Object.values(nodes)) {
    if (node.boundaryID !== root.id || node.id === root.id || node.type === 'StepGroup' || attempts.has(node.id)) continue;
    const name = (node.displayName ?? node.name).replace(iterationSuffix, '');
    groups.set(name, [...(groups.get(name) ?? []), node]);
  }
  const stages = [...groups].map(([name, members]): StageRun => {
    const starts = members.map((n) => n.startedAt).filter((t): t is string => Boolean(t)).sort();
    const finishes = members.map((n) => n.finishedAt).filter((t): t is string => Boolean(t)).sort();
    const phase = combinePhases(members.map((n) => n.phase ?? ''));
    const done = phase !== 'Running' && finishes.length === members.length;
    return { name, phase, startedAt: starts[0] ?? null, durationSeconds: done ? seconds(starts[0], finishes.at(-1)) : null };
  });
  return stages.sort((a, b) => (a.startedAt ?? '\uffff').localeCompare(b.startedAt ?? '\uffff'));
}

/** The top-level steps or tasks the entrypoint declares, in declared order (empty when it is neither). */
export function declaredStages(spec: WorkflowSpec | undefined): string[] {
  const entry = spec?.templates?.find((t) => t.name === spec.entrypoint);
  if (entry?.steps) return entry.steps.flatMap((group) => (group as unknown as { name?: string }[]).map((s) => s.name ?? '')).filter(Boolean);
  if (entry?.dag) return entry.dag.tasks.map((t) => t.name);
  return [];
}
