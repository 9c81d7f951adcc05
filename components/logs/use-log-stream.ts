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
/** The shortest time between two renders of new lines. */
const commitEveryMs = 100;

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
 * is mutated in place and `version` bumps at most once per animation frame and `commitEveryMs`, so 100,000 lines
 * arriving quickly cost a handful of renders, not one each. Falls back to the archived log when the live one is gone.
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
    // New lines are shown in the next animation frame, but not more often than every `commitEveryMs`: a fast
    // stream (thousands of lines a second) then costs ten renders a second, not sixty, each rewriting every row in
    // view; a slow one still shows each line in the next frame.
    let frame: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastCommit = -Infinity;
    const commit = () => {
      frame = requestAnimationFrame(() => {
        frame = undefined;
        lastCommit = performance.now();
        setVersion((v) => v + 1);
      });
    };
    const flush = () => {
      if (frame !== undefined || timer !== undefined) return;
      const wait = commitEveryMs - (performance.now() - lastCommit);
      if (wait <= 0) commit();
      else timer = setTimeout(() => { timer = undefined; commit(); }, wait);
    };
    // Reads can bring tens of thousands of lines at once, and reads already queued resolve one after another
    // without the page drawing in between: lines are parsed in slices of a few milliseconds (across reads), and
    // between slices the page draws a frame, showing the lines parsed so far.
    let sliceStart = performance.now();
    // Every entry of the stream names its pod: one string per pod, not one per line.
    const podNames = new Map<string, string>();
    const podNameOf = (name: string) => podNames.get(name) ?? (podNames.set(name, name), name);
    const sliceOver = () => performance.now() - sliceStart > sliceMs;
    /** Lets the page draw; throws (ending the read) when the source changed meanwhile. */
    const pause = async () => {
      flush();
      await nextTask();
      abort.signal.throwIfAborted();
      sliceStart = performance.now();
    };
    const readArchived = async (): Promise<boolean> => {
      if (!archivedUrl) return false;
      const response = await fetch(archivedUrl, { signal: abort.signal });
      if (!response.ok) return false;
      const text = await response.text();
      for (let at = 0; at < text.length;) {
        let end = text.indexOf('\n', at);
        if (end < 0) end = text.length;
        if (end > at) lines.current.push(toLogLine(podName ?? '', text.slice(at, end), true));
        at = end + 1;
        if ((lines.current.length & 63) === 0 && sliceOver()) await pause();
      }
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
          const asked = performance.now();
          const { value, done } = await reader.read();
          if (done) break;
          // A read that had to wait for data left the page free to draw meanwhile: a fresh slice.
          if (performance.now() - asked > 2) sliceStart = performance.now();
          const text = rest + value;
          let at = 0;
          for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', at)) {
            const entry = text.slice(at, end);
            at = end + 1;
            if (entry.trim()) {
              const message = JSON.parse(entry) as { result?: { content?: string; podName?: string }; error?: { message?: string } };
              if (message.error) streamError = message.error.message ?? 'the log stream failed';
              else if (message.result) lines.current.push(toLogLine(podNameOf(message.result.podName ?? ''), message.result.content ?? '', true));
            }
            if ((lines.current.length & 63) === 0 && sliceOver()) await pause();
          }
          rest = text.slice(at);
          flush();
          if (sliceOver()) await pause();
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
      clearTimeout(timer);
    };
  }, [url, archivedUrl, podName]);

  return { lines: lines.current, version, state };
}
