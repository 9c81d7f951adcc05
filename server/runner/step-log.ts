import { closeSync, openSync, writeSync } from 'node:fs';
import { formatLogLine } from './log-format';

/** The part of a live log a reader needs: what is on disk now, and every line after it. */
export interface LiveLog {
  /** Bytes of main.log written so far; lines past this offset reach subscribers instead. */
  readonly size: number;
  readonly ended: boolean;
  /** `onLine` gets raw lines without their newline; `onEnd` once, when the step's output is complete. */
  subscribe(onLine: (raw: string) => void, onEnd: () => void): () => void;
}

/** Longest line kept whole; longer output is split, as container runtimes split at 16 KiB. */
const maxLineBytes = 64 * 1024;

type Stream = 'stdout' | 'stderr';

/**
 * Writes a running step's output: stdout and stderr as timestamped lines into main.log, in arrival
 * order, and raw stdout into its own file for `outputs.result`. Writes are synchronous so that the
 * offset a reader takes and the lines it then subscribes to never overlap or leave a gap.
 */
export class StepLog implements LiveLog {
  size = 0;
  ended = false;
  private readonly logFd: number;
  private readonly stdoutFd: number | undefined;
  private readonly partial: Record<Stream, Buffer[]> = { stdout: [], stderr: [] };
  private readonly subscribers = new Set<{ onLine: (raw: string) => void; onEnd: () => void }>();

  constructor(logPath: string, stdoutPath: string | undefined, private readonly now: () => Date = () => new Date()) {
    this.logFd = openSync(logPath, 'w');
    this.stdoutFd = stdoutPath === undefined ? undefined : openSync(stdoutPath, 'w');
  }

  write(stream: Stream, chunk: Buffer): void {
    if (this.ended) return;
    if (stream === 'stdout' && this.stdoutFd !== undefined) writeSync(this.stdoutFd, chunk);
    let rest = chunk;
    for (let newline = rest.indexOf(10); newline >= 0; newline = rest.indexOf(10)) {
      this.partial[stream].push(rest.subarray(0, newline));
      this.emit(Buffer.concat(this.partial[stream]).toString('utf8'));
      this.partial[stream] = [];
      rest = rest.subarray(newline + 1);
    }
    if (rest.length > 0) this.partial[stream].push(rest);
    const pending = Buffer.concat(this.partial[stream]);
    if (pending.length >= maxLineBytes) {
      this.partial[stream] = [];
      this.emit(pending.toString('utf8'));
    }
  }

  /** A line from the runner itself, such as why the command could not start. */
  note(text: string): void {
    if (!this.ended) this.emit(text);
  }

  /** Flushes unterminated lines and tells followers the output is complete. */
  end(): void {
    if (this.ended) return;
    for (const stream of ['stdout', 'stderr'] as const) {
      if (this.partial[stream].length > 0) this.emit(Buffer.concat(this.partial[stream]).toString('utf8'));
    }
    this.ended = true;
    closeSync(this.logFd);
    if (this.stdoutFd !== undefined) closeSync(this.stdoutFd);
    for (const subscriber of this.subscribers) subscriber.onEnd();
    this.subscribers.clear();
  }

  subscribe(onLine: (raw: string) => void, onEnd: () => void): () => void {
    if (this.ended) {
      onEnd();
      return () => {};
    }
    const subscriber = { onLine, onEnd };
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  private emit(text: string): void {
    const formatted = formatLogLine(this.now(), text);
    this.size += writeSync(this.logFd, formatted);
    const raw = formatted.slice(0, -1);
    for (const subscriber of this.subscribers) subscriber.onLine(raw);
  }
}
