'use client';
import { useEffect, useRef, useState } from 'react';
import { type LogLine, toLogLine } from '@/lib/logs/log-line';
import { apiUrl } from '../api-client';

export interface LogSource {
  baseHref: string;
  namespace: string;
  workflowName: string;
  /** One pod (its name or node ID); undefined for every pod of the workflow. */
  podName?: string;
  container: string;
  /** Keep the stream open for new lines while the workflow runs. */
  follow: boolean;
  /** When the live logs are empty or gone: where the archived log (`main-logs` artifact) can be read. */
  archivedUrl?: string;
}

export type LogStreamState =
  | { status: 'loading' }
  | { status: 'streaming' }
  | { status: 'done'; archived?: boolean }
  | { status: 'error'; message: string };

function logUrl(source: LogSource): string {
  const query = new URLSearchParams({ 'logOptions.container': source.container, 'logOptions.timestamps': 'true' });
  if (source.follow) query.set('logOptions.follow', 'true');
  if (source.podName) query.set('podName', source.podName);
  return apiUrl(source.baseHref, `api/v1/workflows/${encodeURIComponent(source.namespace)}/${encodeURIComponent(source.workflowName)}/log?${query}`);
}

/** How long parsing may hold the main thread before it lets the page draw a frame. */
const sliceMs = 8;

/** Resolves in a new task (after the browser had the chance to render), unlike a resolved promise. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
    channel.port2.postMessage(undefined);
  });
}

async function readError(response: Response): Promise<string> {
  const text = await response.text();
  try {
    return (JSON.parse(text) as { message?: string }).message ?? `${response.status} ${response.statusText}`;
  } catch {
    return text || `${response.status} ${response.statusText}`;
  }
}

/**
 * Reads a workflow's logs from argo-server's log stream (newline-delimited JSON) into one growing array. The array
 * is mutated in place and `version` bumps at most once per animation frame, so 100,000 lines arriving quickly
 * cost a handful of renders, not one each. Falls back to the archived log when the live one is gone.
 */
export function useLogStream(source: LogSource): { lines: readonly LogLine[]; version: number; state: LogStreamState } {
  const lines = useRef<LogLine[]>([]);
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<LogStreamState>({ status: 'loading' });
  const url = logUrl(source);
  const { archivedUrl, podName } = source;

  useEffect(() => {
    const abort = new AbortController();
    lines.current = [];
    setVersion((v) => v + 1);
    setState({ status: 'loading' });
    let frame: number | undefined;
    const flush = () => {
      if (frame !== undefined) return;
      frame = requestAnimationFrame(() => {
        frame = undefined;
        setVersion((v) => v + 1);
      });
    };
    const readArchived = async (): Promise<boolean> => {
      if (!archivedUrl) return false;
      const response = await fetch(archivedUrl, { signal: abort.signal });
      if (!response.ok) return false;
      const text = await response.text();
      for (const line of text.split('\n')) if (line) lines.current.push(toLogLine(podName ?? '', line, true));
      flush();
      return true;
    };

    void (async () => {
      try {
        const response = await fetch(url, { signal: abort.signal, headers: { accept: 'application/json' } });
        if (!response.ok || !response.body) {
          const message = await readError(response);
          if (await readArchived()) setState({ status: 'done', archived: true });
          else setState({ status: 'error', message });
          return;
        }
        setState({ status: 'streaming' });
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let rest = '';
        let streamError: string | undefined;
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const chunks = (rest + value).split('\n');
          rest = chunks.pop() ?? '';
          // A read can bring tens of thousands of lines at once: parse them in slices of a few milliseconds, so
          // the page keeps drawing frames (and showing the lines parsed so far) meanwhile.
          let sliceStart = performance.now();
          for (let i = 0; i < chunks.length; i++) {
            const chunk = chunks[i]!;
            if (chunk.trim()) {
              const message = JSON.parse(chunk) as { result?: { content?: string; podName?: string }; error?: { message?: string } };
              if (message.error) streamError = message.error.message ?? 'the log stream failed';
              else if (message.result) lines.current.push(toLogLine(message.result.podName ?? '', message.result.content ?? '', true));
            }
            if (i % 256 === 255 && performance.now() - sliceStart > sliceMs) {
              flush();
              await nextTask();
              if (abort.signal.aborted) return;
              sliceStart = performance.now();
            }
          }
          flush();
        }
        if (lines.current.length === 0 && (await readArchived())) setState({ status: 'done', archived: true });
        else if (streamError && lines.current.length === 0) setState({ status: 'error', message: streamError });
        else setState({ status: 'done' });
      } catch (error) {
        if (abort.signal.aborted) return;
        setState({ status: 'error', message: (error as Error).message });
      }
    })();
    return () => {
      abort.abort();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [url, archivedUrl, podName]);

  return { lines: lines.current, version, state };
}
