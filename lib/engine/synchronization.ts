import type { NodeStatus, Synchronization, Template, WorkflowStatus } from '../generated/argo';
import type { LockRequest, LockTable } from '../sync/lock-table';
import { NodeError, type Operation, type TemplateHolder, type TemplateScope } from './operation';
import { isFulfilled } from './phases';
import { nodeTypeOf } from './template-type';

// Argo before v3.6 spelled a single lock `mutex:` / `semaphore:`; it still accepts them.
type AnySynchronization = Synchronization & { mutex?: Synchronization['mutexes'] extends (infer M)[] | undefined ? M : never; semaphore?: NonNullable<Synchronization['semaphores']>[number] };

/** The locks a `synchronization` block asks for, keyed as Argo keys them; bad blocks throw NodeError. */
export function lockRequestsOf(sync: Synchronization, namespace: string): LockRequest[] {
  const any = sync as AnySynchronization;
  const requests: LockRequest[] = [];
  for (const semaphore of [...(any.semaphores ?? []), ...(any.semaphore ? [any.semaphore] : [])]) {
    const ns = semaphore.namespace || namespace;
    if (semaphore.database) throw new NodeError('synchronization database session is not available: Capstan keeps locks in the controller, use configMapKeyRef');
    const ref = semaphore.configMapKeyRef;
    if (!ref?.name || !ref.key) throw new NodeError('requested configuration is invalid: cannot get LockName for a Semaphore without a ConfigMapRef or Database');
    requests.push({ key: `${ns}/ConfigMap/${ref.name}/${ref.key}`, kind: 'semaphore' });
  }
  for (const mutex of [...(any.mutexes ?? []), ...(any.mutex ? [any.mutex] : [])]) {
    if (mutex.database) throw new NodeError('synchronization database session is not available: Capstan keeps locks in the controller');
    if (!mutex.name) throw new NodeError('requested configuration is invalid: a mutex needs a name');
    requests.push({ key: `${mutex.namespace || namespace}/Mutex/${mutex.name}`, kind: 'mutex' });
  }
  return requests;
}

/** Tries to take a holder's locks and records the outcome in `status.synchronization` as Argo does. */
export function acquireLocks(locks: LockTable, status: WorkflowStatus, holderKey: string, requests: LockRequest[], priority: number, creationTime: string) {
  const result = locks.tryAcquire(holderKey, requests, priority, creationTime);
  status.synchronization ??= {};
  const sync = status.synchronization;
  for (const request of requests) {
    const holders = locks.holdersOf(request.key);
    if (request.kind === 'semaphore') {
      const semaphore = (sync.semaphore ??= {});
      if (result.acquired) {
        const holding = (semaphore.holding ??= []);
        const entry = holding.find((h) => h.semaphore === request.key);
        if (!entry) holding.push({ semaphore: request.key, holders: [holderKey] });
        else if (!entry.holders?.includes(holderKey)) entry.holders = [...(entry.holders ?? []), holderKey];
        const waiting = semaphore.waiting?.find((w) => w.semaphore === request.key);
        if (waiting) {
          waiting.holders = (waiting.holders ?? []).filter((h) => h !== holderKey);
          if (waiting.holders.length === 0) semaphore.waiting = semaphore.waiting!.filter((w) => w !== waiting);
          if (semaphore.waiting?.length === 0) delete semaphore.waiting;
        }
      } else {
        const waiting = (semaphore.waiting ??= []);
        const entry = waiting.find((w) => w.semaphore === request.key);
        if (entry) entry.holders = holders;
        else waiting.push({ semaphore: request.key, ...(holders.length ? { holders } : {}) });
      }
    } else {
      const mutex = (sync.mutex ??= {});
      if (result.acquired) {
        const holding = (mutex.holding ??= []);
        const entry = holding.find((h) => h.mutex === request.key);
        if (!entry) holding.push({ mutex: request.key, holder: holderKey });
        else entry.holder = holderKey;
      } else if (holders.length) {
        const waiting = (mutex.waiting ??= []);
        const entry = waiting.find((w) => w.mutex === request.key);
        if (entry) entry.holder = holders[0];
        else waiting.push({ mutex: request.key, holder: holders[0] });
      }
    }
  }
  return result;
}

/** Gives back what one holder holds, and takes it off `status.synchronization`. */
function releaseHolder(locks: LockTable, status: WorkflowStatus, holderKey: string): void {
  const sync = status.synchronization;
  for (const entry of sync?.semaphore?.holding ?? []) {
    if (!entry.holders?.includes(holderKey)) continue;
    locks.release(holderKey, entry.semaphore ?? '');
    entry.holders = entry.holders.filter((h) => h !== holderKey);
  }
  if (sync?.mutex?.holding) {
    for (const entry of sync.mutex.holding) if (entry.holder === holderKey) locks.release(holderKey, entry.mutex ?? '');
    sync.mutex.holding = sync.mutex.holding.filter((h) => h.holder !== holderKey);
  }
}

/** Holder keys: `<ns>/<workflow>` for the workflow's own locks, `<ns>/<workflow>/<node id>` for a template's. */
export const holderKeyOf = (op: Pick<Operation, 'workflow'>, nodeId?: string) =>
  [op.workflow.metadata.namespace ?? '', op.workflow.metadata.name ?? '', ...(nodeId ? [nodeId] : [])].join('/');

/** Releases the locks of template nodes that finished, and everything once the workflow completed (ReleaseAll). */
export function releaseFinishedLocks(op: Operation, status: WorkflowStatus, workflowDone: boolean): void {
  const locks = op.locks;
  if (!locks || !status.synchronization) return;
  const holders = new Set<string>([
    ...(status.synchronization.semaphore?.holding ?? []).flatMap((h) => h.holders ?? []),
    ...(status.synchronization.mutex?.holding ?? []).map((h) => h.holder ?? ''),
  ]);
  const workflowHolder = holderKeyOf(op);
  for (const holder of holders) {
    if (holder === workflowHolder) {
      if (workflowDone) releaseHolder(locks, status, holder);
      continue;
    }
    const node = op.peekNodeById(holder.split('/')[2] ?? '');
    if (workflowDone || !node || isFulfilled(node.phase)) releaseHolder(locks, status, holder);
  }
  if (!workflowDone) return;
  for (const waiting of [...(status.synchronization.semaphore?.waiting ?? []).map((w) => w.semaphore), ...(status.synchronization.mutex?.waiting ?? []).map((w) => w.mutex)]) {
    locks.release(workflowHolder, waiting ?? '');
  }
  for (const node of op.nodeList) {
    if (!node.synchronizationStatus) continue;
    if (node.synchronizationStatus.waiting) locks.release(holderKeyOf(op, node.id), node.synchronizationStatus.waiting);
    delete op.own(node).synchronizationStatus;
  }
  delete status.synchronization;
}


/**
 * A template's `synchronization`, as Argo's executeTemplate: take its locks, or leave its node Pending with
 * Argo's waiting message and `synchronizationStatus.waiting` until a release wakes the workflow. Returns the
 * waiting node, or undefined when the template may run.
 */
export function waitForTemplateLocks(
  op: Operation,
  template: Template,
  nodeName: string,
  node: NodeStatus | undefined,
  fields: { holder: TemplateHolder; scope: TemplateScope; boundaryID?: string },
): NodeStatus | undefined {
  if (!template.synchronization || !op.locks) return undefined;
  const requests = lockRequestsOf(template.synchronization, op.workflow.metadata.namespace ?? '');
  const result = acquireLocks(op.locks, op.status, holderKeyOf(op, op.nodeId(nodeName)), requests, Number(op.spec.priority ?? 0), op.workflow.metadata.creationTimestamp ?? '');
  // `node` may be shared with the input: what is written goes to this reconcile's own copy.
  if (!result.acquired) {
    const waiting = node ? op.own(node) : op.initNode(nodeName, nodeTypeOf(template, { retryNode: true }), {
      holder: fields.holder, templateScope: fields.scope.id, boundaryID: fields.boundaryID, phase: 'Pending', message: result.message,
    });
    waiting.synchronizationStatus = { waiting: result.failedLock };
    if (result.message) waiting.message = result.message;
    return waiting;
  }
  if (node?.synchronizationStatus) {
    const owned = op.own(node);
    delete owned.synchronizationStatus;
    delete owned.message;
  }
  // A steps, DAG or retry node that waited starts running now; a pod node stays Pending until its pod runs.
  if (node && node.phase === 'Pending' && node.type !== 'Pod') op.own(node).phase = 'Running';
  return undefined;
}

/** The workflow's own `synchronization`: undefined once it holds its locks, else Argo's waiting message. */
export function waitForWorkflowLocks(op: Operation, sync: Synchronization): string | undefined {
  if (!op.locks) return undefined;
  const requests = lockRequestsOf(sync, op.workflow.metadata.namespace ?? '');
  const result = acquireLocks(op.locks, op.status, holderKeyOf(op), requests, Number(op.spec.priority ?? 0), op.workflow.metadata.creationTimestamp ?? '');
  return result.acquired ? undefined : result.message;
}

/**
 * Every ConfigMap semaphore a workflow may ask for, found anywhere in the given specs (the workflow's, its stored
 * WorkflowTemplate's, referenced templates'), so the controller can read their limits before a reconcile.
 */
export function semaphoresIn(specs: unknown[], namespace: string): { lockKey: string; namespace: string; configMap: string; key: string }[] {
  const found = new Map<string, { lockKey: string; namespace: string; configMap: string; key: string }>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    if (!value || typeof value !== 'object') return;
    const sync = (value as { synchronization?: AnySynchronization }).synchronization;
    for (const semaphore of [...(sync?.semaphores ?? []), ...(sync?.semaphore ? [sync.semaphore] : [])]) {
      const ref = semaphore.configMapKeyRef;
      if (!ref?.name || !ref.key) continue;
      const ns = semaphore.namespace || namespace;
      const lockKey = `${ns}/ConfigMap/${ref.name}/${ref.key}`;
      found.set(lockKey, { lockKey, namespace: ns, configMap: ref.name, key: ref.key });
    }
    for (const child of Object.values(value)) visit(child);
  };
  visit(specs);
  return [...found.values()];
}

/** A semaphore's limit from its ConfigMap value, as Argo reads it (an integer; anything else gives no limit). */
export function semaphoreLimitOf(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number.parseInt(value, 10);
}
