import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseLogLine, toLineFilters } from './log-format';
import type { LiveLog } from './step-log';
import type { StepLogLine, StepLogOptions } from './step-runner';

/**
 * Reads a step's main.log with Kubernetes' filters (since, then tail) and Argo's (grep), and with
 * `follow` keeps yielding the live log's new lines until it ends or `signal` aborts.
 */
export async function* readStepLogs(
  logPath: string,
  options: StepLogOptions,
  live: LiveLog | undefined,
  signal?: AbortSignal,
  now: Date = new Date(),
): AsyncGenerator<StepLogLine> {
  if (options.container !== undefined && options.container !== 'main') return;
  const filters = toLineFilters(options, now);
  const following = options.follow === true && live !== undefined && !live.ended;
  // Subscribe before reading, in the same tick as taking the offset: no line is missed or repeated.
  const queue: string[] = [];
  let ended = !following;
  let wake: (() => void) | undefined;
  const unsubscribe = following
    ? live.subscribe(
        (raw) => {
          queue.push(raw);
          wake?.();
        },
        () => {
          ended = true;
          wake?.();
        },
      )
    : () => {};
  const onAbort = () => wake?.();
  signal?.addEventListener('abort', onAbort);
  try {
    const size = live && !live.ended ? live.size : Infinity;
    for (const line of await readHistory(logPath, size, options.tailLines, filters.since)) {
      if (signal?.aborted) return;
      if (filters.grep(line)) yield line;
    }
    while (!signal?.aborted) {
      const raw = queue.shift();
      if (raw !== undefined) {
        const line = parseLogLine(raw);
        if (filters.since(line) && filters.grep(line)) yield line;
        continue;
      }
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = undefined;
    }
  } finally {
    unsubscribe();
    signal?.removeEventListener('abort', onAbort);
  }
}

/** The lines before byte `size` passing `since`, keeping only the last `tail` when given. */
async function readHistory(path: string, size: number, tail: number | undefined, since: (line: StepLogLine) => boolean): Promise<StepLogLine[]> {
  if (size === 0 || tail === 0 || !existsSync(path)) return [];
  const lines: StepLogLine[] = [];
  const stream = createReadStream(path, { end: Number.isFinite(size) ? size - 1 : undefined });
  try {
    for await (const raw of createInterface({ input: stream, crlfDelay: Infinity })) {
      const line = parseLogLine(raw);
      if (!since(line)) continue;
      lines.push(line);
      if (tail !== undefined && lines.length > tail) lines.shift();
    }
  } finally {
    stream.destroy();
  }
  return lines;
}
