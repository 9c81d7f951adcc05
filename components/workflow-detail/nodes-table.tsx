'use client';
import { useMemo } from 'react';
import type { NodeStatus } from '@/lib/generated/argo';
import { displayLabel, displayPhase } from '@/lib/graph';
import { formatElapsed } from './format';
import { NodePhaseBadge } from './phase-icon';

/** Every node in start order (not started last), one row each; clicking a row opens its details. */
export function NodesTable({ nodes, now, selectedId, onSelect }: {
  nodes: Record<string, NodeStatus>;
  now: Date;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}) {
  const rows = useMemo(
    () =>
      Object.values(nodes).sort(
        (a, b) => (a.startedAt ?? '\uffff').localeCompare(b.startedAt ?? '\uffff') || a.name.localeCompare(b.name),
      ),
    [nodes],
  );
  return (
    <div className="h-full overflow-auto p-4">
      <table className="w-full table-fixed overflow-hidden rounded-lg bg-white text-sm shadow-sm ring-1 ring-slate-200">
        <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th className="w-[30%] px-4 py-2">Name</th>
            <th className="w-24 px-4 py-2">Type</th>
            <th className="w-28 px-4 py-2">Phase</th>
            <th className="w-24 px-4 py-2">Duration</th>
            <th className="px-4 py-2">Message</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((node) => (
            <tr
              key={node.id}
              onClick={() => onSelect(node.id)}
              aria-selected={node.id === selectedId}
              className={`cursor-pointer border-t border-slate-100 ${node.id === selectedId ? 'bg-blue-50' : 'hover:bg-slate-50'}`}
            >
              <td className="px-4 py-2">
                <div className="truncate font-medium" title={node.name}>{displayLabel(node)}</div>
              </td>
              <td className="px-4 py-2 text-slate-600">{node.type}</td>
              <td className="px-4 py-2"><NodePhaseBadge phase={displayPhase(node)} /></td>
              <td className="px-4 py-2 tabular-nums text-slate-600">{formatElapsed(node, now)}</td>
              <td className="truncate px-4 py-2 text-slate-600" title={node.message}>{node.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
