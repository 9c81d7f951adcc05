/**
 * Interleaves async streams as their items arrive; more streams can join while it runs (new pods of a running
 * workflow). Ends when `close()` was called and every stream has ended, or when `signal` aborts.
 */
export class StreamMerger<T> implements AsyncIterable<T> {
  private readonly queue: T[] = [];
  private active = 0;
  private closed = false;
  private wake: (() => void) | undefined;
  private failure: unknown;

  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener('abort', () => this.notify(), { once: true });
  }

  add(stream: AsyncIterable<T>): void {
    this.active++;
    void (async () => {
      try {
        for await (const item of stream) {
          if (this.signal.aborted) break;
          this.queue.push(item);
          this.notify();
        }
      } catch (error) {
        this.failure ??= error;
      } finally {
        this.active--;
        this.notify();
      }
    })();
  }

  /** No more streams will be added. */
  close(): void {
    this.closed = true;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      while (this.queue.length) yield this.queue.shift()!;
      if (this.failure) throw this.failure;
      if (this.signal.aborted || (this.closed && this.active === 0)) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}
