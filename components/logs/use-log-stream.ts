'use client';
import { useEffect, useState } from 'react';
import { LogLines } from '@/lib/logs/log-lines';
import { apiUrl } from '../api-client';
import type { LogStreamMessage, LogStreamRequest } from './log-stream-protocol';

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

/** The shortest time between two renders of new lines. */
const commitEveryMs = 100;

/**
 * Reads a workflow's logs from argo-server's log stream (newline-delimited JSON) in a Web Worker, which parses
 * them and sends batches of lines (see LogBatch), added to one growing LogLines. `version` bumps when lines were
 * added, at most once per animation frame and `commitEveryMs`, so 100,000 lines arriving quickly cost a handful of
 * renders, not one each. The worker falls back to the archived log when the live one is gone.
 */
export function useLogStream(source: LogSource): { lines: LogLines; version: number; state: LogStreamState } {
  const [lines, setLines] = useState(() => new LogLines());
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<LogStreamState>({ status: 'loading' });
  const { archivedUrl, podName } = source;
  // A stream opened to follow a running workflow ends by itself once the workflow has ended, so when `follow` turns
  // false the stream is left to finish rather than read again from the first line (a reset of every line shown).
  // A workflow running again (a retry) opens a following stream.
  const key = logUrl({ ...source, follow: false });
  const [opened, setOpened] = useState({ key, follow: source.follow });
  if (opened.key !== key || (source.follow && !opened.follow)) setOpened({ key, follow: source.follow });
  const url = logUrl({ ...source, follow: opened.key === key ? opened.follow : source.follow });

  useEffect(() => {
    const into = new LogLines();
    setLines(into);
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

    const worker = new Worker(new URL('./log-stream.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<LogStreamMessage>) => {
      const message = event.data;
      if (message.type === 'lines') {
        into.append(message.batch);
        flush();
      } else if (message.type === 'streaming') setState({ status: 'streaming' });
      else if (message.type === 'done') setState({ status: 'done', archived: message.archived });
      else setState({ status: 'error', message: message.message });
      if (message.type === 'done' || message.type === 'error') worker.terminate();
    };
    worker.onerror = (event) => setState({ status: 'error', message: event.message || 'the log reader failed' });
    const absolute = (path: string) => new URL(path, document.baseURI).href;
    const request: LogStreamRequest = { url: absolute(url), archivedUrl: archivedUrl && absolute(archivedUrl), podName };
    worker.postMessage(request);
    return () => {
      worker.terminate();
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [url, archivedUrl, podName]);

  return { lines, version, state };
}
