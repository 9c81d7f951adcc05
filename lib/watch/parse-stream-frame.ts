import type { WatchEventOf } from './apply-watch-event';
import type { KubeObject } from '../k8s/object';

/** What one `data:` frame of argo-server's streams holds: a result, an error ending the stream, or nothing. */
export type StreamFrame<T> = { result: T } | { error: { message: string; http_code?: number } } | undefined;

/** Parses the JSON of one SSE `data:` frame; unreadable or empty frames (keep-alives) give undefined. */
export function parseStreamFrame<T = WatchEventOf<KubeObject>>(data: string): StreamFrame<T> {
  const text = data.trim();
  if (!text) return undefined;
  try {
    const message = JSON.parse(text) as { result?: T; error?: { message?: string; http_code?: number } };
    if (message.error) return { error: { message: message.error.message ?? 'stream error', http_code: message.error.http_code } };
    if (message.result !== undefined) return { result: message.result };
  } catch {
    // A frame cut by a dropped connection: the stream reconnects and replays.
  }
  return undefined;
}
