'use client';
import { useEffect, useRef, useState } from 'react';
import { parseStreamFrame } from '@/lib/watch/parse-stream-frame';

export type StreamState = 'connecting' | 'open' | 'closed' | 'error';

/**
 * Follows one of argo-server's Server-Sent Event streams (`data: {"result": ...}` frames). The browser's
 * EventSource reconnects by itself after a dropped connection; an `{"error": ...}` frame ends the stream for good.
 * `onResult` may change between renders without reopening the stream. `url` undefined keeps it closed.
 */
export function useEventStream<T>(url: string | undefined, onResult: (result: T) => void, onError?: (message: string, status?: number) => void): StreamState {
  const [state, setState] = useState<StreamState>('connecting');
  const handlers = useRef({ onResult, onError });
  handlers.current = { onResult, onError };
  useEffect(() => {
    if (!url || typeof EventSource === 'undefined') {
      setState('closed');
      return;
    }
    setState('connecting');
    const source = new EventSource(url);
    source.onopen = () => setState('open');
    source.onmessage = (event: MessageEvent<string>) => {
      const frame = parseStreamFrame<T>(event.data);
      if (!frame) return;
      if ('error' in frame) {
        source.close();
        setState('error');
        handlers.current.onError?.(frame.error.message, frame.error.http_code);
        return;
      }
      handlers.current.onResult(frame.result);
    };
    // A dropped connection: EventSource retries on its own; say so, so callers can poll meanwhile.
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting');
    return () => source.close();
  }, [url]);
  return state;
}
