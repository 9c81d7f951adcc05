import { stripAnsi } from './ansi';
import { type LogBatch, batchSize } from './log-batch';

/** One line of a workflow's logs, worked out from its batch when a row, a search or a download needs it. */
export interface LogLine {
  readonly podName: string;
  /** RFC 3339 time the line was written, when the server sent timestamps. */
  readonly time?: string;
  /** The raw text, escape sequences included. */
  readonly text: string;
}

/** A batch's lines for search: without timestamps and escapes, lower case, each followed by `\n`. */
interface Searchable {
  text: string;
  /** Line i's searchable text starts at `starts[i]`; `count + 1` entries. */
  starts: Uint32Array;
}

/**
 * Every line of a log, held as the batches they arrived in (see LogBatch). Appending is O(1); reading line i finds
 * its batch by binary search (a few hundred batches for 100,000 lines). Nothing per line is kept.
 */
export class LogLines {
  private batches: LogBatch[] = [];
  /** The index of each batch's first line. */
  private firsts: number[] = [];
  private searchable: (Searchable | undefined)[] = [];
  private last = 0;
  length = 0;
  /** The longest line's length in characters, without escape sequences. */
  widest = 0;

  append(batch: LogBatch): void {
    const count = batchSize(batch);
    if (count === 0) return;
    this.batches.push(batch);
    this.firsts.push(this.length);
    this.searchable.push(undefined);
    this.length += count;
    this.widest = Math.max(this.widest, batch.widest);
  }

  /** The batch holding line `index` (which must be below `length`). Rows are read in order: the last hit first. */
  private batchOf(index: number): number {
    const firsts = this.firsts;
    let b = this.last;
    if (firsts[b]! <= index && (b + 1 === firsts.length || index < firsts[b + 1]!)) return b;
    let low = 0;
    let high = firsts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (firsts[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    b = this.last = low;
    return b;
  }

  line(index: number): LogLine {
    const b = this.batchOf(index);
    const batch = this.batches[b]!;
    const i = index - this.firsts[b]!;
    const start = batch.starts[i]!;
    const body = batch.bodies[i]!;
    const text = batch.text.slice(body, batch.starts[i + 1]! - 1);
    const podName = batch.podNames[batch.pods[i]!]!;
    return body > start ? { podName, text, time: batch.text.slice(start, body - 1) } : { podName, text };
  }

  /** Line `index`'s text without escape sequences. */
  plain(index: number): string {
    return stripAnsi(this.line(index).text);
  }

  /** Line `index`'s length in characters without escape sequences (its width unwrapped). */
  plainLength(index: number): number {
    const b = this.batchOf(index);
    const batch = this.batches[b]!;
    const i = index - this.firsts[b]!;
    const text = batch.text.slice(batch.bodies[i]!, batch.starts[i + 1]! - 1);
    return text.includes('\x1b') ? stripAnsi(text).length : text.length;
  }

  private searchableText(b: number): Searchable {
    const cached = this.searchable[b];
    if (cached) return cached;
    const batch = this.batches[b]!;
    const count = batchSize(batch);
    const parts: string[] = [];
    const starts = new Uint32Array(count + 1);
    let length = 0;
    for (let i = 0; i < count; i++) {
      // Lower-casing can change a string's length, so offsets are taken after it.
      const text = stripAnsi(batch.text.slice(batch.bodies[i]!, batch.starts[i + 1]! - 1)).toLowerCase();
      parts.push(text, '\n');
      starts[i] = length;
      length += text.length + 1;
    }
    starts[count] = length;
    return (this.searchable[b] = { text: parts.join(''), starts });
  }

  /**
   * Indexes of the lines from `from` on that contain `query` (ignoring case and escape sequences), appended to
   * `into`. Each batch's text is searched as one string (a query has no newline, so a match never spans lines).
   */
  matching(query: string, from = 0, into: number[] = []): number[] {
    if (!query || from >= this.length) return into;
    const needle = query.toLowerCase();
    for (let b = this.batchOf(from); b < this.batches.length; b++) {
      const { text, starts } = this.searchableText(b);
      const first = this.firsts[b]!;
      let i = Math.max(0, from - first);
      for (let at = text.indexOf(needle, starts[i]!); at >= 0; at = text.indexOf(needle, starts[i]!)) {
        while (starts[i + 1]! <= at) i++;
        into.push(first + i);
        i++;
      }
    }
    return into;
  }

  /** The logs as a plain text file: one line each, `pod: text` when several pods are shown, times when asked. */
  toText(options: { podNames: boolean; timestamps: boolean }): string {
    const out: string[] = [];
    for (let i = 0; i < this.length; i++) {
      const line = this.line(i);
      out.push(`${options.timestamps && line.time ? `${line.time} ` : ''}${options.podNames ? `${line.podName}: ` : ''}${stripAnsi(line.text)}`);
    }
    return out.join('\n');
  }
}

/** Where `query` occurs in `text`, ignoring case: [start, end) pairs, not overlapping. */
export function findMatches(text: string, query: string): [number, number][] {
  if (!query) return [];
  const haystack = text.toLowerCase();
  const needle = query.toLowerCase();
  const ranges: [number, number][] = [];
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) ranges.push([at, at + needle.length]);
  return ranges;
}
