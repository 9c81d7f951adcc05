import type { LogBatch } from '@/lib/logs/log-batch';

/** What the page asks the log stream worker to read: absolute URLs (a worker resolves relative ones from its script). */
export interface LogStreamRequest {
  url: string;
  /** When the live logs are empty or gone: where the archived log can be read. */
  archivedUrl?: string;
  /** The pod an archived log is of (undefined: every pod). */
  podName?: string;
}

/** What the worker sends back: lines, and how the stream goes. */
export type LogStreamMessage =
  | { type: 'lines'; batch: LogBatch }
  | { type: 'streaming' }
  | { type: 'done'; archived?: boolean }
  | { type: 'error'; message: string };
