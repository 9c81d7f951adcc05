import { retryDelayMs } from '@/lib/controller/retry-backoff';

/**
 * A work queue with per-key serialisation: a key is processed by at most one worker at a time, and a key
 * added while it is being processed runs once more afterwards (changes are never lost, never doubled up).
 * A key whose processing failed is requeued with a growing delay until it succeeds (`addRateLimited`).
 */
export class WorkQueue {
  private readonly queued = new Set<string>();
  private readonly order: string[] = [];
  private readonly active = new Set<string>();
  private readonly dirtyWhileActive = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly failures = new Map<string, number>();
  // Keys that may not run again before a time (`pace`), and the one wake-up each waits for.
  private readonly pacedUntil = new Map<string, number>();
  private readonly paceTimers = new Map<string, NodeJS.Timeout>();
  private running = 0;
  private closed = false;

  constructor(
    private readonly process: (key: string) => Promise<void>,
    private readonly workers: number,
    private readonly onError: (key: string, error: unknown) => void,
  ) {}

  add(key: string): void {
    if (this.closed) return;
    if (this.held(key)) return;
    if (this.active.has(key)) {
      this.dirtyWhileActive.add(key);
      return;
    }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.order.push(key);
    this.pump();
  }

  /**
   * The key's next run waits until `ms` from now: what is added meanwhile runs once, then. A reconcile that saved a
   * big workflow paces the next one this way, so a wide DAG's pods finishing one after another become one save per
   * interval instead of one per event (Argo's controller waits 10 s, its DEFAULT_REQUEUE_TIME, between them).
   */
  pace(key: string, ms: number): void {
    if (ms > 0) this.pacedUntil.set(key, Date.now() + ms);
  }

  // Whether `key` waits for its pace; if so, it is added (once) when the wait is over.
  private held(key: string): boolean {
    const until = this.pacedUntil.get(key);
    if (until === undefined) return false;
    const wait = until - Date.now();
    if (wait <= 0) {
      this.pacedUntil.delete(key);
      return false;
    }
    if (!this.paceTimers.has(key)) {
      const timer = setTimeout(() => {
        this.paceTimers.delete(key);
        this.add(key);
      }, wait);
      timer.unref?.();
      this.paceTimers.set(key, timer);
    }
    return true;
  }

  /** Adds the key after a delay; an earlier pending delay for the same key wins. */
  addAfter(key: string, seconds: number): void {
    if (this.closed) return;
    const existing = this.timers.get(key);
    if (existing) return;
    const timer = setTimeout(() => {
      this.timers.delete(key);
      this.add(key);
    }, Math.max(0, seconds * 1000));
    timer.unref?.();
    this.timers.set(key, timer);
  }

  /** Requeues a key that failed, after 1 s doubling with each consecutive failure to 30 s; returns the delay in seconds. */
  addRateLimited(key: string): number {
    const failures = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, failures);
    const seconds = retryDelayMs(failures) / 1000;
    this.addAfter(key, seconds);
    return seconds;
  }

  get length(): number {
    return this.order.length;
  }

  /** Keys being processed now (Argo's workers_busy_count). */
  get busy(): number {
    return this.running;
  }

  private pump(): void {
    while (this.running < this.workers && this.order.length > 0) {
      const key = this.order.shift()!;
      this.queued.delete(key);
      this.active.add(key);
      this.running++;
      this.process(key)
        .then(() => this.failures.delete(key), (error: unknown) => this.onError(key, error))
        .finally(() => {
          this.running--;
          this.active.delete(key);
          if (this.dirtyWhileActive.delete(key)) this.add(key);
          this.pump();
        });
    }
  }

  close(): void {
    this.closed = true;
    for (const timer of [...this.timers.values(), ...this.paceTimers.values()]) clearTimeout(timer);
    this.timers.clear();
    this.paceTimers.clear();
    this.pacedUntil.clear();
    this.failures.clear();
    this.order.length = 0;
    this.queued.clear();
  }
}
