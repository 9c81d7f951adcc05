import type { Workflow } from '../generated/argo';

export const workflowSortKeys = ['name', 'phase', 'started', 'finished', 'duration'] as const;
export type WorkflowSortKey = (typeof workflowSortKeys)[number];
export interface WorkflowSort {
  key: WorkflowSortKey;
  descending: boolean;
}

/** Reads `?sort=-started` (a leading `-` for descending); undefined keeps the server's order (newest first). */
export function parseWorkflowSort(text: string | null | undefined): WorkflowSort | undefined {
  if (!text) return undefined;
  const descending = text.startsWith('-');
  const key = (descending ? text.slice(1) : text) as WorkflowSortKey;
  return workflowSortKeys.includes(key) ? { key, descending } : undefined;
}

export function formatWorkflowSort(sort: WorkflowSort): string {
  return `${sort.descending ? '-' : ''}${sort.key}`;
}

const time = (text: string | undefined) => (text ? Date.parse(text) : Number.NaN);

function sortValue(workflow: Workflow, key: WorkflowSortKey, now: number): string | number {
  const status = workflow.status ?? {};
  switch (key) {
    case 'name': return workflow.metadata.name ?? '';
    case 'phase': return status.phase ?? 'Pending';
    case 'started': return time(status.startedAt);
    case 'finished': return time(status.finishedAt);
    case 'duration': {
      const started = time(status.startedAt);
      return Number.isNaN(started) ? Number.NaN : (status.finishedAt ? time(status.finishedAt) : now) - started;
    }
  }
}

/** A sorted copy of the workflows; missing values (not started yet) go last either way; ties keep their order. */
export function sortWorkflows<T extends Workflow>(items: readonly T[], sort: WorkflowSort | undefined, now: Date): readonly T[] {
  if (!sort) return items;
  const at = now.getTime();
  const values = new Map(items.map((item) => [item, sortValue(item, sort.key, at)]));
  const sign = sort.descending ? -1 : 1;
  return [...items].sort((a, b) => {
    const x = values.get(a)!;
    const y = values.get(b)!;
    const xMissing = typeof x === 'number' && Number.isNaN(x);
    const yMissing = typeof y === 'number' && Number.isNaN(y);
    if (xMissing || yMissing) return xMissing === yMissing ? 0 : xMissing ? 1 : -1;
    return sign * (typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number));
  });
}
