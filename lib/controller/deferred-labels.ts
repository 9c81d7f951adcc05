/**
 * Completed pods waiting for their `completed=true` label, which is housekeeping (tools and Argo's own informer skip
 * labelled pods; Capstan's reconciles never read it): it waits while the controller still has pods starting or running,
 * or Events to write, so each label's PATCH, and the watch event every pod watcher then receives, does not compete with
 * the pods being run, or delay the Events users read, for the API server. Nothing waits longer than `maxDelayMs`, so a
 * controller that is never idle still labels.
 */
export class DeferredLabels<T> {
  // Insertion order is queueing order, so the overdue ones are a prefix.
  private readonly waiting = new Map<string, { item: T; since: number }>();

  constructor(private readonly maxDelayMs: number) {}

  add(key: string, item: T, now: number): void {
    if (!this.waiting.has(key)) this.waiting.set(key, { item, since: now });
  }

  /** A pod gone (deleted) before its label: nothing to do for it any more. */
  forget(key: string): void {
    this.waiting.delete(key);
  }

  get size(): number {
    return this.waiting.size;
  }

  /** Takes what is due: everything when the controller is idle, else only what has waited `maxDelayMs`. */
  takeDue(now: number, idle: boolean): T[] {
    const due: T[] = [];
    for (const [key, { item, since }] of this.waiting) {
      if (!idle && now - since < this.maxDelayMs) break;
      due.push(item);
      this.waiting.delete(key);
    }
    return due;
  }
}
