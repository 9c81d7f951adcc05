import { stripAnsi } from './ansi';

/** One line of a workflow's logs as the dashboard holds it. */
export interface LogLine {
  podName: string;
  /** RFC 3339 time the line was written, when the server sent timestamps. */
  time?: string;
  /** The raw text, escape sequences included. */
  text: string;
  /** The text without escape sequences, for search and download. */
  plain: string;
}

const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d) /;

/** A log entry from argo-server's stream; with `timestamps` its content starts with the time and a space. */
export function toLogLine(podName: string, content: string, timestamps: boolean): LogLine {
  const match = timestamps ? rfc3339.exec(content) : null;
  const text = match ? content.slice(match[0].length) : content;
  return { podName, ...(match ? { time: match[0].trimEnd() } : {}), text, plain: stripAnsi(text) };
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

/** Indexes of the lines that contain `query` (ignoring case), from `from` on, appended to `into`. */
export function matchingLines(lines: readonly LogLine[], query: string, from = 0, into: number[] = []): number[] {
  if (!query) return into;
  const needle = query.toLowerCase();
  for (let i = from; i < lines.length; i++) if (lines[i]!.plain.toLowerCase().includes(needle)) into.push(i);
  return into;
}

/** The logs as a plain text file: one line each, `pod: text` when several pods are shown, times when asked. */
export function toLogText(lines: readonly LogLine[], options: { podNames: boolean; timestamps: boolean }): string {
  return lines
    .map((l) => `${options.timestamps && l.time ? `${l.time} ` : ''}${options.podNames ? `${l.podName}: ` : ''}${l.plain}`)
    .join('\n');
}
