/** One workflow waiting for a parallelism slot: higher priority first, then older first. */
interface Waiting {
  key: string;
  priority: number;
  created: number;
}

/**
 * Argo's `parallelism` and `namespaceParallelism` (its multiThrottler): a workflow may start only once admitted;
 * waiting workflows are admitted highest `spec.priority` first, then oldest, one namespace queue at a time, and
 * `onAdmit` is called for each so the controller reconciles it. Keys are `namespace/name`. A limit of 0 is none.
 */
export class WorkflowThrottler {
  private readonly running = new Set<string>();
  private readonly pending = new Map<string, Waiting[]>();
  // Per-namespace limits that replace namespaceParallelism (Argo's `workflows.argoproj.io/parallelism-limit` label).
  private readonly namespaceLimits = new Map<string, number>();

  constructor(private parallelism: number, private namespaceParallelism: number, private readonly onAdmit: (key: string) => void) {}

  /** Workflows already running when the controller starts hold their slots. */
  markRunning(key: string): void {
    this.running.add(key);
  }

  /** A workflow that needs a slot (again); its priority is updated if it is already waiting. */
  add(key: string, priority: number, created: number): void {
    if (this.running.has(key)) return;
    const queue = this.pending.get(namespaceOf(key)) ?? [];
    const existing = queue.find((w) => w.key === key);
    if (existing) existing.priority = priority;
    else queue.push({ key, priority, created });
    this.pending.set(namespaceOf(key), queue);
    this.admitOne();
  }

  /** Whether the workflow holds a slot; checking also admits the next waiting workflow if a slot is free. */
  admit(key: string): boolean {
    if (this.running.has(key)) return true;
    this.admitOne();
    return this.running.has(key);
  }

  /** A finished or deleted workflow frees its slot. */
  remove(key: string): void {
    this.running.delete(key);
    const queue = this.pending.get(namespaceOf(key));
    if (queue) this.pending.set(namespaceOf(key), queue.filter((w) => w.key !== key));
    this.admitOne();
  }

  /** New limits from a changed configuration; raising them admits every workflow that now fits. */
  setLimits(parallelism: number, namespaceParallelism: number): void {
    this.parallelism = parallelism;
    this.namespaceParallelism = namespaceParallelism;
    while (this.admitOne());
  }

  /** A namespace's own limit (undefined: back to namespaceParallelism); raising it admits what now fits. */
  setNamespaceLimit(namespace: string, limit: number | undefined): void {
    if (limit === undefined) this.namespaceLimits.delete(namespace);
    else this.namespaceLimits.set(namespace, limit);
    while (this.admitOne());
  }

  get runningCount(): number {
    return this.running.size;
  }

  private namespaceAllows(namespace: string): boolean {
    const limit = this.namespaceLimits.get(namespace) ?? this.namespaceParallelism;
    if (limit === 0) return true;
    let count = 0;
    for (const key of this.running) if (namespaceOf(key) === namespace) count++;
    return count < limit;
  }

  private admitOne(): boolean {
    if (this.parallelism !== 0 && this.running.size >= this.parallelism) return false;
    let best: Waiting | undefined;
    for (const [namespace, queue] of this.pending) {
      if (!queue.length || !this.namespaceAllows(namespace)) continue;
      const head = queue.reduce((a, b) => (before(b, a) ? b : a));
      if (!best || before(head, best)) best = head;
    }
    if (!best) return false;
    const namespace = namespaceOf(best.key);
    this.pending.set(namespace, (this.pending.get(namespace) ?? []).filter((w) => w !== best));
    this.running.add(best.key);
    this.onAdmit(best.key);
    return true;
  }
}

const namespaceOf = (key: string) => key.slice(0, key.indexOf('/'));
const before = (a: Waiting, b: Waiting) => (a.priority === b.priority ? a.created < b.created : a.priority > b.priority);

/** Argo's namespace label for a namespace's own parallelism limit. */
export const parallelismLimitLabel = 'workflows.argoproj.io/parallelism-limit';

/**
 * A namespace's own limit from its labels, as Argo's namespace watcher reads it: undefined without the label
 * (the ConfigMap's namespaceParallelism applies), an error message when the label is not a whole number.
 */
export function namespaceLimitOf(labels: Record<string, string> | undefined): number | undefined | { error: string } {
  const text = labels?.[parallelismLimitLabel];
  if (text === undefined) return undefined;
  const limit = Number(text);
  return Number.isInteger(limit) && limit >= 0 && text.trim() !== '' ? limit : { error: `${parallelismLimitLabel}: expected a whole number, got "${text}"` };
}
