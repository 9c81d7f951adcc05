/**
 * Runs queued tasks at most `limit` at a time, in the order they were queued (fire and forget: each task handles its
 * own failure). For background writes that must not burst past the API server's in-flight limit, as Argo's pod
 * cleanup queue labels completed pods with `--pod-cleanup-workers` (4) workers.
 */
export class TaskLimiter {
  private readonly waiting: Array<() => Promise<void>> = [];
  private running = 0;

  constructor(private readonly limit: number) {}

  run(task: () => Promise<void>): void {
    this.waiting.push(task);
    this.pump();
  }

  /** Tasks queued or running. */
  get pending(): number {
    return this.waiting.length + this.running;
  }

  private pump(): void {
    while (this.running < this.limit && this.waiting.length > 0) {
      const task = this.waiting.shift()!;
      this.running++;
      void task().catch(() => {}).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }
}
