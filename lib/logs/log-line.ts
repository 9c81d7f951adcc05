import { stripAnsi } from './ansi';

/** One line of a workflow's logs as the dashboard holds it. */
export interface LogLine {
  readonly podName: string;
  /** RFC 3339 time the line was written, when the server sent timestamps. */
  readonly time?: string;
  /** The raw text, escape sequences included. */
  readonly text: string;
  /** The text without escape sequences, for search and download (worked out on first use). */
  readonly plain: string;
}

/**
 * A line as parsed from the stream. A following viewer holds every line (100,000 and more), so a line keeps as
 * little as it can: `plain` is only worked out when a search or a download needs it, and `time` is a slice of the
 * content it came from, not a copy.
 */
class ParsedLogLine implements LogLine {
  private strippedText: string | undefined;
  constructor(readonly podName: string, readonly text: string, readonly time?: string) {}
  get plain(): string {
    return (this.strippedText ??= stripAnsi(this.text));
  }
}

const rfc3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d) /;

/** A log entry from argo-server's stream; with `timestamps` its content starts with the time and a space. */
export function toLogLine(podName: string, content: string, timestamps: boolean): LogLine {
  const match = timestamps ? rfc3339.exec(content) : null;
  if (!match) return new ParsedLogLine(podName, content);
  return new ParsedLogLine(podName, content.slice(match[0].length), content.slice(0, match[0].length - 1));
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
