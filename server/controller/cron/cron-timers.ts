/** The timer functions the cron controller uses; tests pass fakes. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

// Timers wake at least this often to compare with the wall clock, so a long wait (a yearly schedule is beyond
// setTimeout's 24.8 days) or a clock step still fires at the right wall time.
const MAX_WAIT_MS = 60_000;

interface Entry {
  /** Identifies the schedule the entry was armed for; another one re-arms it. */
  scheduleKey: string;
  next: Date;
  handle: unknown;
}

/**
 * One timer per CronWorkflow for its next activation, like robfig/cron's entries: `fire(key, scheduledTime)` is
 * called at (or after) that time, and the entry re-arms for the activation after `now`, so a late wake (a
 * suspended laptop) fires once, for the time it was armed for.
 */
export class CronTimers {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly timers: Timers,
    private readonly now: () => Date,
    private readonly fire: (key: string, scheduledTime: Date) => void,
  ) {}

  /**
   * Keeps the entry armed for `scheduleKey`; a new or different schedule is armed for `next(now)`. `next` gives the
   * activation strictly after a time, or undefined for none.
   */
  ensure(key: string, scheduleKey: string, next: (after: Date) => Date | undefined): void {
    const existing = this.entries.get(key);
    if (existing?.scheduleKey === scheduleKey) return;
    this.remove(key);
    const first = next(this.now());
    if (first) this.arm(key, { scheduleKey, next: first, handle: undefined }, next);
  }

  /** The time an entry is armed for. */
  nextTime(key: string): Date | undefined {
    return this.entries.get(key)?.next;
  }

  remove(key: string): void {
    const entry = this.entries.get(key);
    if (entry) this.timers.clearTimeout(entry.handle);
    this.entries.delete(key);
  }

  clear(): void {
    for (const key of [...this.entries.keys()]) this.remove(key);
  }

  private arm(key: string, entry: Entry, next: (after: Date) => Date | undefined): void {
    this.entries.set(key, entry);
    const wait = Math.min(Math.max(0, entry.next.getTime() - this.now().getTime()), MAX_WAIT_MS);
    entry.handle = this.timers.setTimeout(() => this.wake(key, entry, next), wait);
  }

  private wake(key: string, entry: Entry, next: (after: Date) => Date | undefined): void {
    if (this.entries.get(key) !== entry) return;
    const now = this.now();
    if (now.getTime() < entry.next.getTime()) {
      this.arm(key, entry, next);
      return;
    }
    const scheduledTime = entry.next;
    const following = next(now);
    if (following) this.arm(key, { ...entry, next: following }, next);
    else this.entries.delete(key);
    this.fire(key, scheduledTime);
  }
}
