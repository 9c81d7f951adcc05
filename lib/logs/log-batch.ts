import { stripAnsi } from './ansi';

/**
 * Log lines as a few flat values instead of an object per line: one string with every line's content (timestamp
 * included) followed by `\n`, and typed arrays of offsets into it. A Web Worker builds batches and hands them to
 * the page, which keeps them as they are: 100,000 lines are then a few hundred strings and arrays on the page's
 * heap, not hundreds of thousands of objects for the garbage collector to copy and trace.
 */
export interface LogBatch {
  /** The lines' contents, each followed by `\n`. */
  text: string;
  /** Line i's content is `text.slice(starts[i], starts[i + 1] - 1)`; `count + 1` entries. */
  starts: Uint32Array;
  /** Where line i's text begins, after its timestamp and the space (its start when it has none). */
  bodies: Uint32Array;
  /** Line i's pod, as an index into `podNames`. */
  pods: Uint16Array;
  podNames: string[];
  /** The longest line's length without escape sequences (the width of the widest row, in characters). */
  widest: number;
}

/** The number of lines in a batch. */
export const batchSize = (batch: LogBatch) => batch.starts.length - 1;

const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d) /;

/** Collects lines into a batch; `take` hands the batch over and starts a new one. */
export class LogBatchBuilder {
  private parts: string[] = [];
  private length = 0;
  private starts: number[] = [0];
  private bodies: number[] = [];
  private pods: number[] = [];
  private podNames: string[] = [];
  private podIndex = new Map<string, number>();
  private widest = 0;

  /** `timestamps`: the content starts with an RFC 3339 time and a space (argo-server's `timestamps` option). */
  constructor(private readonly timestamps = true) {}

  get count(): number {
    return this.pods.length;
  }

  /** Characters held so far. */
  get size(): number {
    return this.length;
  }

  add(podName: string, content: string): void {
    let pod = this.podIndex.get(podName);
    if (pod === undefined) {
      pod = this.podNames.push(podName) - 1;
      this.podIndex.set(podName, pod);
    }
    const time = this.timestamps ? rfc3339.exec(content) : null;
    const body = time ? time[0].length : 0;
    // Text with escapes is never shorter than its plain text: only a longer line can be the new widest.
    if (content.length - body > this.widest) this.widest = Math.max(this.widest, stripAnsi(content.slice(body)).length);
    this.parts.push(content, '\n');
    this.bodies.push(this.length + body);
    this.length += content.length + 1;
    this.starts.push(this.length);
    this.pods.push(pod);
  }

  /** The batch so far (undefined when empty); the builder starts over. */
  take(): LogBatch | undefined {
    if (this.count === 0) return undefined;
    const batch: LogBatch = {
      text: this.parts.join(''),
      starts: Uint32Array.from(this.starts),
      bodies: Uint32Array.from(this.bodies),
      pods: Uint16Array.from(this.pods),
      podNames: this.podNames,
      widest: this.widest,
    };
    this.parts = [];
    this.length = 0;
    this.starts = [0];
    this.bodies = [];
    this.pods = [];
    this.podNames = [];
    this.podIndex = new Map();
    this.widest = 0;
    return batch;
  }
}

/**
 * Reads argo-server's log stream (newline-delimited JSON, `{"result":{"content","podName"}}` or `{"error":...}`)
 * chunk by chunk into a batch builder. Entries may be split across chunks.
 */
export class LogStreamParser {
  private rest = '';
  /** The last error entry's message, if the stream sent one. */
  error: string | undefined;

  constructor(private readonly into: LogBatchBuilder) {}

  push(chunk: string): void {
    const text = this.rest + chunk;
    let at = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', at)) {
      this.entry(text.slice(at, end));
      at = end + 1;
    }
    this.rest = text.slice(at);
  }

  /** The stream ended: an entry without its final newline is read too. */
  end(): void {
    this.entry(this.rest);
    this.rest = '';
  }

  private entry(entry: string) {
    if (!entry.trim()) return;
    const message = JSON.parse(entry) as { result?: { content?: string; podName?: string }; error?: { message?: string } };
    if (message.error) this.error = message.error.message ?? 'the log stream failed';
    else if (message.result) this.into.add(message.result.podName ?? '', message.result.content ?? '');
  }
}

/** A plain text log (the archived `main-logs` artifact): one line each, all of `podName`. */
export function addPlainLines(into: LogBatchBuilder, podName: string, text: string): void {
  for (let at = 0; at < text.length;) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    if (end > at) into.add(podName, text.slice(at, end));
    at = end + 1;
  }
}
