'use client';
import { useCallback, useMemo, useState } from 'react';
import { applyStreamedEvent, isAboutWorkflow, type StreamedEvent } from '@/lib/k8s/event-list';
import { apiUrl } from '../api-client';
import { useSettings } from '../settings-context';
import { useBatchedEventStream } from '../streams/use-workflow-watch';
import { formatTimestamp } from './format';

const nodeIdKey = 'workflows.argoproj.io/node-id';
const nodeNameKey = 'workflows.argoproj.io/node-name';

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
            <th className="w-24 px-4 py-2">Type</th>
            <th className="w-52 px-4 py-2">Reason</th>
            <th className="px-4 py-2">Message</th>
            <th className="w-16 px-4 py-2 text-right">Count</th>
            <th className="w-44 px-4 py-2">Last seen</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((event) => {
            const nodeId = event.metadata.annotations?.[nodeIdKey];
            return (
              <tr
                key={event.metadata.uid ?? event.metadata.name}
                onClick={nodeId ? () => onSelect(nodeId) : undefined}
                aria-selected={nodeId !== undefined && nodeId === selectedId}
                title={event.metadata.annotations?.[nodeNameKey]}
                className={`border-t border-slate-100 ${nodeId ? 'cursor-pointer hover:bg-slate-50' : ''} ${nodeId && nodeId === selectedId ? 'bg-blue-50' : ''}`}
              >
                <td className="px-4 py-2">
                  <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${event.type === 'Warning' ? 'bg-amber-100 text-amber-800' : 'bg-slate-100 text-slate-600'}`}>
                    {event.type}
                  </span>
                </td>
                <td className="truncate px-4 py-2 font-medium text-slate-800" title={event.reason}>{event.reason}</td>
                <td className="px-4 py-2 text-slate-600"><div className="line-clamp-2 break-words" title={event.message}>{event.message}</div></td>
                <td className="px-4 py-2 text-right tabular-nums text-slate-600">{event.count ?? 1}</td>
                <td className="px-4 py-2 tabular-nums text-slate-600">{formatTimestamp(event.lastTimestamp ?? event.firstTimestamp)}</td>
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
