/**
 * The synchronization locks of every workflow a controller runs (Argo's sync Manager, in memory): semaphores
 * whose limits come from ConfigMaps and mutexes (a semaphore of one). Holders are Argo's holder keys:
 * `<namespace>/<workflow>` for a workflow-level lock, `<namespace>/<workflow>/<node id>` for a template's.
 * Waiters queue by priority (higher first), then creation time; a freed slot wakes the workflows at the front.
 * Deterministic and I/O-free: the controller owns one, feeds it ConfigMap limits and requeues the woken keys.
 */
export interface LockRequest {
  /** Argo's lock key: `<ns>/Mutex/<name>` or `<ns>/ConfigMap/<name>/<key>`. */
  key: string;
  kind: 'mutex' | 'semaphore';
}

export interface AcquireResult {
  acquired: boolean;
  /** Argo's waiting message, e.g. `Waiting for argo/Mutex/welcome lock. Lock status: 0/1`. */
  message: string;
  /** The first lock that could not be taken. */
  failedLock: string;
}

interface Waiter {
  holderKey: string;
  priority: number;
  creationTime: string;
  order: number;
}

interface Lock {
  kind: LockRequest['kind'];
  holders: string[];
  pending: Waiter[];
}

/** The `<namespace>/<workflow>` work-queue key of a holder key. */
export function workflowKeyOf(holderKey: string): string {
  return holderKey.split('/').slice(0, 2).join('/');
}

export class LockTable {
  private readonly locks = new Map<string, Lock>();
  private readonly limits = new Map<string, number>();
  private order = 0;

  /** `wake` is called with a workflow key when a slot it may take becomes free. */
  constructor(private readonly wake: (workflowKey: string) => void = () => {}) {}

  /** A semaphore's limit, as its ConfigMap says; unknown limits count as 0 (nothing can acquire). */
  setLimit(lockKey: string, limit: number): void {
    const before = this.limits.get(lockKey);
    this.limits.set(lockKey, limit);
    if (before !== undefined && limit > before) this.notifyWaiters(lockKey);
  }

  limitOf(lockKey: string): number {
    const lock = this.locks.get(lockKey);
    if (lock?.kind === 'mutex' || (!lock && lockKey.split('/')[1] === 'Mutex')) return 1;
    return this.limits.get(lockKey) ?? 0;
  }

  holdersOf(lockKey: string): string[] {
    return [...(this.locks.get(lockKey)?.holders ?? [])];
  }

  private lock(request: LockRequest): Lock {
    let lock = this.locks.get(request.key);
    if (!lock) {
      lock = { kind: request.kind, holders: [], pending: [] };
      this.locks.set(request.key, lock);
    }
    return lock;
  }

  /** Takes all the locks for `holderKey`, or none: it then waits in each lock's queue. */
  tryAcquire(holderKey: string, requests: LockRequest[], priority = 0, creationTime = ''): AcquireResult {
    let message = '';
    let failedLock = '';
    for (const request of requests) {
      const lock = this.lock(request);
      if (lock.holders.includes(holderKey)) continue;
      if (!lock.pending.some((w) => w.holderKey === holderKey)) {
        lock.pending.push({ holderKey, priority, creationTime, order: this.order++ });
        lock.pending.sort(byPriority);
      }
      const problem = this.checkAcquire(request.key, lock, holderKey);
      if (problem && !failedLock) {
        message = problem;
        failedLock = request.key;
      }
    }
    if (failedLock) return { acquired: false, message, failedLock };
    for (const request of requests) {
      const lock = this.lock(request);
      if (lock.holders.includes(holderKey)) continue;
      lock.holders.push(holderKey);
      lock.pending = lock.pending.filter((w) => w.holderKey !== holderKey);
      this.notifyWaiters(request.key);
    }
    return { acquired: true, message: '', failedLock: '' };
  }

  // Argo's checkAcquire: why the holder cannot take the lock now, or '' when it can.
  private checkAcquire(lockKey: string, lock: Lock, holderKey: string): string {
    const limit = this.limitOf(lockKey);
    if (limit === 0) return `Failed to get semaphore limit for ${lockKey}`;
    const waiting = `Waiting for ${lockKey} lock. Lock status: ${limit - lock.holders.length}/${limit}`;
    const front = lock.pending[0];
    if (front && !sameWorkflow(front.holderKey, holderKey)) {
      if (lock.holders.length < limit) this.wake(workflowKeyOf(front.holderKey));
      return waiting;
    }
    return lock.holders.length < limit ? '' : waiting;
  }

  /** Gives a lock back (and leaves its queue); wakes the next waiters. */
  release(holderKey: string, lockKey: string): void {
    const lock = this.locks.get(lockKey);
    if (!lock) return;
    const held = lock.holders.includes(holderKey);
    lock.holders = lock.holders.filter((h) => h !== holderKey);
    lock.pending = lock.pending.filter((w) => w.holderKey !== holderKey);
    if (held) this.notifyWaiters(lockKey);
  }

  /** Forgets everything a workflow holds or waits for (it was deleted). */
  releaseWorkflow(workflowKey: string): void {
    for (const [key, lock] of this.locks) {
      for (const holder of [...lock.holders, ...lock.pending.map((w) => w.holderKey)]) {
        if (workflowKeyOf(holder) === workflowKey) this.release(holder, key);
      }
    }
  }

  /** Records a holder found in a workflow's saved status (controller start), whatever the limit says. */
  restoreHolder(holderKey: string, request: LockRequest): void {
    const lock = this.lock(request);
    if (!lock.holders.includes(holderKey)) lock.holders.push(holderKey);
  }

  private notifyWaiters(lockKey: string): void {
    const lock = this.locks.get(lockKey);
    if (!lock) return;
    const free = this.limitOf(lockKey) - lock.holders.length;
    for (const waiter of lock.pending.slice(0, Math.max(0, free))) this.wake(workflowKeyOf(waiter.holderKey));
  }
}

function byPriority(a: Waiter, b: Waiter): number {
  if (a.priority !== b.priority) return b.priority - a.priority;
  if (a.creationTime !== b.creationTime) return a.creationTime < b.creationTime ? -1 : 1;
  return a.order - b.order;
}

// Argo's isSameWorkflowNodeKeys: two holder keys of the same shape and workflow.
function sameWorkflow(a: string, b: string): boolean {
  const x = a.split('/');
  const y = b.split('/');
  return x.length === y.length && x[1] === y[1];
}
