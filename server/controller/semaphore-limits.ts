import { semaphoreLimitOf, semaphoresIn } from '@/lib/engine/synchronization';
import type { Workflow, WorkflowSpec } from '@/lib/generated/argo';
import type { LockTable } from '@/lib/sync/lock-table';

type ReadConfigMap = (namespace: string, name: string) => Promise<Record<string, string> | undefined>;

function templateRefNames(value: unknown, found = new Map<string, boolean>()): Map<string, boolean> {
  if (Array.isArray(value)) for (const item of value) templateRefNames(item, found);
  else if (value && typeof value === 'object') {
    const ref = (value as { templateRef?: { name?: string; clusterScope?: boolean } }).templateRef;
    if (ref?.name) found.set(ref.name, ref.clusterScope === true);
    for (const child of Object.values(value)) templateRefNames(child, found);
  }
  return found;
}

/** The workflow's spec, its stored template's, and those of the templates it refers to (for what they declare). */
export function specsOfWorkflow(workflow: Workflow, resolve: (name: string, clusterScope: boolean) => WorkflowSpec | undefined): unknown[] {
  const specs: unknown[] = [workflow.spec, workflow.status?.storedWorkflowTemplateSpec];
  for (const [name, clusterScope] of templateRefNames(specs)) specs.push(resolve(name, clusterScope));
  return specs;
}

/**
 * Reads the limit of every ConfigMap semaphore a workflow may ask for into the lock table, so the pure engine can
 * decide synchronously; a ConfigMap edit takes effect on the workflow's next reconcile, as in Argo.
 */
export async function loadSemaphoreLimits(
  locks: LockTable,
  workflow: Workflow,
  resolve: (name: string, clusterScope: boolean) => WorkflowSpec | undefined,
  readConfigMap: ReadConfigMap | undefined,
): Promise<void> {
  if (!readConfigMap) return;
  const specs = specsOfWorkflow(workflow, resolve);
  const cache = new Map<string, Record<string, string> | undefined>();
  for (const semaphore of semaphoresIn(specs, workflow.metadata.namespace ?? '')) {
    const at = `${semaphore.namespace}/${semaphore.configMap}`;
    if (!cache.has(at)) cache.set(at, await readConfigMap(semaphore.namespace, semaphore.configMap).catch(() => undefined));
    const limit = semaphoreLimitOf(cache.get(at)?.[semaphore.key]);
    if (limit !== undefined) locks.setLimit(semaphore.lockKey, limit);
  }
}

/** Puts the holders a running workflow's saved status records back into the lock table. */
export function restoreLockHolders(locks: LockTable, status: Workflow['status']): void {
  for (const entry of status?.synchronization?.semaphore?.holding ?? []) {
    for (const holder of entry.holders ?? []) locks.restoreHolder(holder, { key: entry.semaphore ?? '', kind: 'semaphore' });
  }
  for (const entry of status?.synchronization?.mutex?.holding ?? []) {
    if (entry.holder) locks.restoreHolder(entry.holder, { key: entry.mutex ?? '', kind: 'mutex' });
  }
}
