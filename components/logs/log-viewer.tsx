'use client';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { apiUrl } from '../api-client';
import { useSettings } from '../settings-context';
import { LogRows } from './log-rows';
import { useLogStream } from './use-log-stream';

export interface LogPod {
  podName: string;
  /** What the pod selector and the pod column show (the node's display name). */
  label: string;
  /** Node ID, for the archived log's URL. */
  nodeId: string;
  /** Whether the node saved its log as the `main-logs` artifact. */
  archived: boolean;
}

const containers = ['main', 'init', 'wait'];

function Toggle({ on, onChange, children }: { on: boolean; onChange: (on: boolean) => void; children: string }) {
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={() => onChange(!on)}
      className={`rounded-md border px-2.5 py-1 text-xs font-medium ${on ? 'border-blue-600 bg-blue-50 text-blue-800 dark:bg-blue-950 dark:text-blue-200' : 'border-slate-300 text-slate-600 hover:bg-slate-50 dark:border-slate-600 dark:text-slate-300 dark:hover:bg-slate-800'}`}
    >
      {children}
    </button>
  );
}

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * A workflow's logs: every pod, or one; streamed while it runs. Follow, search with highlight, ANSI colours,
 * timestamps, wrap and download. `pod` fixes one pod (the node panel); otherwise a selector offers each.
 */
export function LogViewer({ namespace, workflowName, pods, pod: fixedPod, running, className }: {
  namespace: string;
  workflowName: string;
  pods: LogPod[];
  pod?: string;
  running: boolean;
  className?: string;
}) {
  const { baseHref } = useSettings();
  const [chosenPod, setChosenPod] = useState<string>('');
  const [container, setContainer] = useState('main');
  const [follow, setFollow] = useState(true);
  const [timestamps, setTimestamps] = useState(false);
  const [wrap, setWrap] = useState(false);
  const [searchText, setSearchText] = useState('');
  const search = useDeferredValue(searchText);
  const [matchIndex, setMatchIndex] = useState(0);

  const podName = fixedPod ?? (chosenPod || undefined);
  const selectedPod = pods.find((p) => p.podName === podName);
  const archivedUrl = selectedPod?.archived
    ? apiUrl(baseHref, `artifact-files/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowName)}/${encodeURIComponent(selectedPod.nodeId)}/outputs/main-logs`)
    : undefined;
  const { lines, version, state } = useLogStream({ baseHref, namespace, workflowName, podName, container, follow: running, archivedUrl });

  // Matches are found incrementally: new lines are scanned once, a new query scans everything once.
  const found = useRef({ query: '', scanned: 0, lines, matches: [] as number[] });
  const matches = useMemo(() => {
    const f = found.current;
    if (f.query !== search || f.lines !== lines || lines.length < f.scanned) found.current = { query: search, scanned: 0, lines, matches: [] };
    const current = found.current;
    lines.matching(search, current.scanned, current.matches);
    current.scanned = lines.length;
    return current.matches.slice();
    // version: lines is mutated in place.
  }, [lines, search, version]);
  const currentMatch = matches.length ? Math.min(matchIndex, matches.length - 1) : -1;
  const step = (by: number) => {
    if (!matches.length) return;
    setFollow(false);
    setMatchIndex((currentMatch + by + matches.length) % matches.length);
  };

  const podLabels = useMemo(() => new Map(pods.map((p) => [p.podName, p.label])), [pods]);
  const podLabel = (name: string) => podLabels.get(name) ?? name;
  const showPodNames = !podName;
  const status = state.status === 'loading' ? 'Connecting…'
    : state.status === 'streaming' ? (running ? 'Streaming' : 'Reading')
      : state.status === 'done' ? (state.archived ? 'From the archived log (the pod is gone)' : 'End of log')
        : '';

  return (
    <section aria-label="Logs" className={`flex min-h-0 flex-col ${className ?? ''}`}>
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900">
        {fixedPod === undefined ? (
          <label className="text-xs text-slate-600 dark:text-slate-300">
            <span className="sr-only">Pod</span>
            <select value={chosenPod} onChange={(e) => setChosenPod(e.target.value)} className="max-w-56 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-600 dark:bg-slate-800">
              <option value="">All pods ({pods.length})</option>
              {pods.map((p) => <option key={p.podName} value={p.podName}>{p.label}</option>)}
            </select>
          </label>
        ) : null}
        <label className="text-xs text-slate-600 dark:text-slate-300">
          <span className="sr-only">Container</span>
          <select value={container} onChange={(e) => setContainer(e.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-600 dark:bg-slate-800">
            {containers.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <div className="flex items-center gap-1">
          <input
            type="search"
            value={searchText}
            onChange={(e) => { setSearchText(e.target.value); setMatchIndex(0); }}
            onKeyDown={(e) => { if (e.key === 'Enter') step(e.shiftKey ? -1 : 1); }}
            placeholder="Search logs"
            aria-label="Search logs"
            className="w-44 rounded-md border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-600 dark:bg-slate-800"
          />
          {search ? (
            <>
              <span className="min-w-14 text-center text-xs tabular-nums text-slate-500" aria-live="polite">
                {matches.length ? `${currentMatch + 1}/${matches.length}` : 'no match'}
              </span>
              <button type="button" onClick={() => step(-1)} aria-label="Previous match" className="rounded px-1.5 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">↑</button>
              <button type="button" onClick={() => step(1)} aria-label="Next match" className="rounded px-1.5 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800">↓</button>
            </>
          ) : null}
        </div>
        <div className="ml-auto flex items-center gap-1.5">
          <Toggle on={follow} onChange={setFollow}>Follow</Toggle>
          <Toggle on={timestamps} onChange={setTimestamps}>Timestamps</Toggle>
          <Toggle on={wrap} onChange={setWrap}>Wrap</Toggle>
          <button
            type="button"
            disabled={lines.length === 0}
            onClick={() => download(`${podName ?? workflowName}-${container}.log`, lines.toText({ podNames: showPodNames, timestamps }))}
            className="rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-600 hover:bg-slate-50 disabled:opacity-50 dark:border-slate-600 dark:text-slate-300 dark:hover:bg-slate-800"
          >
            Download
          </button>
        </div>
      </div>
      <div className="relative min-h-0 flex-1">
        {state.status === 'error' && lines.length === 0 ? (
          <div role="alert" className="h-full bg-slate-950 p-4 font-mono text-xs text-rose-300">
            No logs are available{podName ? ` for ${podLabel(podName)}` : ''}: {state.message}
          </div>
        ) : lines.length === 0 && state.status === 'done' ? (
          <div className="h-full bg-slate-950 p-4 font-mono text-xs text-slate-400">
            {running ? 'No log lines yet: the pods have not written anything.' : 'No logs are available: the pods wrote nothing, or their logs are gone and none were archived.'}
          </div>
        ) : (
          <LogRows
            lines={lines}
            version={version}
            search={search}
            focusLine={currentMatch >= 0 ? matches[currentMatch] : undefined}
            follow={follow}
            onUserScrolledUp={() => setFollow(false)}
            wrap={wrap}
            timestamps={timestamps}
            podNames={showPodNames}
            podLabel={podLabel}
          />
        )}
        <p className="pointer-events-none absolute bottom-1 right-3 rounded bg-slate-900/80 px-2 py-0.5 text-[11px] text-slate-400">
          {lines.length.toLocaleString()} lines · {status}
        </p>
      </div>
    </section>
  );
}
