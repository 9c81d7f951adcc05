'use client';
import { useCallback, useMemo, useState } from 'react';
import { applyStreamedEvent, isAboutWorkflow, type StreamedEvent } from '@/lib/k8s/event-list';
import { nodeEventAnnotations } from '@/lib/workflows/workflow-labels';
import { apiUrl } from '../api-client';
import { useSettings } from '../settings-context';
import { useBatchedEventStream } from '../streams/use-workflow-watch';
import { formatTimestamp } from './format';

/**
 * The Kubernetes Events Argo's controller (or Capstan's) recorded about one workflow, live from argo-server's events
 * stream: one row per Event, oldest first, a repeated one counted. A node's row selects the node.
 */
export function WorkflowEvents({ namespace, name, uid, selectedId, onSelect }: {
  namespace: string;
  name: string;
  uid: string | undefined;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}) {
  const { baseHref } = useSettings();
  const [events, setEvents] = useState<StreamedEvent[]>([]);
  const url = useMemo(() => {
    const query = new URLSearchParams({ 'listOptions.fieldSelector': `involvedObject.kind=Workflow,involvedObject.name=${name}` });
    return apiUrl(baseHref, `api/v1/stream/events/${encodeURIComponent(namespace)}?${query.toString()}`);
  }, [baseHref, namespace, name]);
  const onBatch = useCallback((batch: StreamedEvent[]) => setEvents((held) => batch.reduce(applyStreamedEvent, held)), []);
  const state = useBatchedEventStream(url, onBatch);
  const rows = useMemo(() => events.filter((event) => isAboutWorkflow(event, uid)), [events, uid]);
  return (
    <div className="h-full overflow-auto p-4">
      <table className="w-full table-fixed overflow-hidden rounded-lg bg-white text-sm shadow-sm ring-1 ring-slate-200">
        <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th className="w-8 py-2 pl-3"><span className="sr-only">Type</span></th>
            <th className="w-60 px-3 py-2">Reason</th>
            <th className="px-3 py-2">Message</th>
            <th className="w-14 px-3 py-2 text-right">Count</th>
            <th className="w-24 px-3 py-2">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((event) => {
            const nodeId = event.metadata.annotations?.[nodeEventAnnotations.nodeId];
            const lastSeen = event.lastTimestamp ?? event.firstTimestamp;
            return (
              <tr
                key={event.metadata.uid ?? event.metadata.name}
                onClick={nodeId ? () => onSelect(nodeId) : undefined}
                aria-selected={nodeId !== undefined && nodeId === selectedId}
                title={event.metadata.annotations?.[nodeEventAnnotations.nodeName]}
                className={`border-t border-slate-100 ${nodeId ? 'cursor-pointer hover:bg-slate-50' : ''} ${nodeId && nodeId === selectedId ? 'bg-blue-50' : ''}`}
              >
                <td className="py-2 pl-3" title={event.type}>
                  {/* Warnings amber, as kubectl's and Argo's UI tell them apart; the type is read out for screen readers. */}
                  <span aria-hidden className={`inline-block h-2.5 w-2.5 rounded-full ${event.type === 'Warning' ? 'bg-amber-500' : 'bg-slate-300'}`} />
                  <span className="sr-only">{event.type}</span>
                </td>
                <td className={`break-words px-3 py-2 font-medium ${event.type === 'Warning' ? 'text-amber-800' : 'text-slate-800'}`}>{event.reason}</td>
                <td className="px-3 py-2 text-slate-600"><div className="line-clamp-3 break-words" title={event.message}>{event.message}</div></td>
                <td className="px-3 py-2 text-right tabular-nums text-slate-600">{event.count ?? 1}</td>
                <td className="whitespace-nowrap px-3 py-2 tabular-nums text-slate-600" title={formatTimestamp(lastSeen)}>{formatTimestamp(lastSeen).slice(11)}</td>
              </tr>
            );
          })}
          {rows.length === 0 ? (
            <tr>
              <td colSpan={5} className="px-4 py-6 text-center text-slate-500">
                {state === 'error' ? 'Events could not be read.' : state === 'connecting' ? 'Loading events…' : 'No events recorded for this workflow (Kubernetes keeps them an hour).'}
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
