import type { StepLogLine, StepLogOptions } from './step-runner';

/** One line of main.log: an RFC 3339 timestamp, a space, the text, as `kubectl logs --timestamps`. */
export function formatLogLine(time: Date, text: string): string {
  return `${time.toISOString()} ${text}\n`;
}

/** The inverse of formatLogLine, given a line without its newline. */
export function parseLogLine(raw: string): StepLogLine {
  const space = raw.indexOf(' ');
  return space < 0 ? { time: raw, line: '' } : { time: raw.slice(0, space), line: raw.slice(space + 1) };
}

/** Whether a line passes `sinceSeconds`/`sinceTime` and, separately, `grep`; tail sits between them. */
export interface LineFilters {
  since: (line: StepLogLine) => boolean;
  grep: (line: StepLogLine) => boolean;
}

/** Throws on an invalid `grep` pattern, as Argo refuses one it cannot compile. */
export function toLineFilters(options: StepLogOptions, now: Date): LineFilters {
  const cutoffs = [
    options.sinceSeconds !== undefined ? now.getTime() - options.sinceSeconds * 1000 : NaN,
    options.sinceTime !== undefined ? Date.parse(options.sinceTime) : NaN,
  ].filter((t) => !Number.isNaN(t));
  // Kubernetes uses the later of the two when both are given.
  const cutoff = cutoffs.length > 0 ? Math.max(...cutoffs) : undefined;
  const pattern = options.grep ? new RegExp(options.grep) : undefined;
  return {
    since: (line) => cutoff === undefined || Date.parse(line.time) >= cutoff,
    grep: (line) => pattern === undefined || pattern.test(line.line),
  };
}
