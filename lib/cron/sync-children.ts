import { isCompleted as isCompletedPhase } from '@/lib/engine/phases';
import type { CronWorkflow, Workflow } from '@/lib/generated/argo';
import { evaluateStopStrategy } from './cron-env';
import { markCompleted, withStatus } from './cron-status';
import { CRON_WORKFLOW_LABEL, isOwnedBy, toActiveReference } from './scheduled-workflow';

// Argo's syncCronWorkflow (run every 10 s by syncAll): enforceHistoryLimit, then reconcileActiveWfs, both over the
// workflows the CronWorkflow owns. A workflow leaves `status.active` when it completes or disappears; one that
// completes is counted (succeeded, or failed for Failed and Error) exactly then, so each is counted once.

const DEFAULT_SUCCESSFUL_HISTORY = 3;
const DEFAULT_FAILED_HISTORY = 1;

/** What syncing a CronWorkflow with its workflows decides. */
export interface ChildSync {
  /** The cron with its new status (and the completed label when its stop strategy now holds). */
  cron: CronWorkflow;
  /** Whether the status or labels changed and should be saved. */
  changed: boolean;
  /** Completed workflows beyond the history limits, oldest first within each kind. */
  deletions: string[];
  /** The stop strategy could not be evaluated: Argo then saves nothing and tries again on the next sync. */
  error?: string;
}

function isCompleted(workflow: Workflow): boolean {
  return isCompletedPhase(workflow.status?.phase);
}

function historyLimit(value: number | undefined, fallback: number): number {
  return value !== undefined && value !== null && value >= 0 ? value : fallback;
}

// Newest first by finishedAt (a workflow without one sorts last), keeping the given order among equals.
function oldestBeyond(workflows: Workflow[], keep: number): string[] {
  if (keep >= workflows.length) return [];
  const finished = (w: Workflow) => (w.status?.finishedAt ? Date.parse(w.status.finishedAt) : Number.NEGATIVE_INFINITY);
  const sorted = [...workflows].sort((a, b) => (finished(a) > finished(b) ? -1 : finished(a) < finished(b) ? 1 : 0));
  return sorted.slice(keep).map((w) => w.metadata.name ?? '');
}

/** Argo's enforceHistoryLimit: the completed workflows to delete, beyond `successfulJobsHistoryLimit` (3) and `failedJobsHistoryLimit` (1). */
export function selectHistoryDeletions(cron: CronWorkflow, workflows: Workflow[]): string[] {
  const mine = workflows.filter((w) => isOwnedBy(w, cron) && w.metadata.labels?.[CRON_WORKFLOW_LABEL] === cron.metadata.name && isCompleted(w));
  const succeeded = mine.filter((w) => w.status?.phase === 'Succeeded');
  const failed = mine.filter((w) => w.status?.phase !== 'Succeeded');
  return [
    ...oldestBeyond(succeeded, historyLimit(cron.spec.successfulJobsHistoryLimit, DEFAULT_SUCCESSFUL_HISTORY)),
    ...oldestBeyond(failed, historyLimit(cron.spec.failedJobsHistoryLimit, DEFAULT_FAILED_HISTORY)),
  ];
}

/**
 * Syncs a CronWorkflow with the workflows it owns (others are ignored): history deletions, `status.active`,
 * the succeeded/failed counters, and the stop strategy checked after each newly counted workflow.
 */
export function syncCronChildren(cron: CronWorkflow, workflows: Workflow[], now: Date): ChildSync {
  const deletions = selectHistoryDeletions(cron, workflows);
  const children = workflows.filter((w) => isOwnedBy(w, cron));
  const byUid = new Map(children.map((w) => [w.metadata.uid ?? '', w]));
  let next = cron;
  let changed = false;
  const active = [...(cron.status?.active ?? [])];
  // A running workflow the status does not list yet (its run's status update was lost) joins the list.
  for (const child of children) {
    if (!isCompleted(child) && !active.some((ref) => ref.uid === child.metadata.uid)) {
      active.push(toActiveReference(child));
      changed = true;
    }
  }
  next = withStatus(next, { active });
  for (const ref of cron.status?.active ?? []) {
    const child = byUid.get(ref.uid ?? '');
    if (child && !isCompleted(child)) continue;
    changed = true;
    next = withStatus(next, { active: (next.status?.active ?? []).filter((r) => r.uid !== ref.uid) });
    if (!child) continue;
    const phase = child.status?.phase;
    if (phase === 'Succeeded') next = withStatus(next, { succeeded: (next.status?.succeeded ?? 0) + 1 });
    else next = withStatus(next, { failed: (next.status?.failed ?? 0) + 1 });
    const stop = evaluateStopStrategy(next, now);
    if (!stop.ok) return { cron, changed: false, deletions, error: `failed to check CronWorkflow '${cron.metadata.name}' stopping condition: ${stop.message}` };
    if (stop.value) next = markCompleted(next);
  }
  return { cron: next, changed, deletions };
}
