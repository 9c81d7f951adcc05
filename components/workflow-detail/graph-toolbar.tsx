'use client';
import { Panel, useReactFlow } from '@xyflow/react';
import { useDeferredValue, useMemo, useState } from 'react';
import type { GraphLayout, WorkflowGraph } from '@/lib/graph';

const maxResults = 12;

/**
 * Over the graph: find a node by name (the view moves to it and opens it) and expand or collapse every
 * "hidden nodes" placeholder and group of similar nodes. Shows when a new shape is being laid out in the background.
 */
export function GraphToolbar({ graph, layout, onSelect, allExpanded, onToggleExpandAll, pending }: {
  graph: WorkflowGraph;
  layout: GraphLayout;
  onSelect: (id: string) => void;
  allExpanded: boolean;
  onToggleExpandAll: () => void;
  pending: boolean;
}) {
  const { setCenter, getZoom } = useReactFlow();
  const [text, setText] = useState('');
  const search = useDeferredValue(text.trim().toLowerCase());
  const results = useMemo(() => {
    if (!search) return [];
    const found = [];
    for (const node of graph.nodes) {
      if ((node.kind === 'card' || node.kind === 'group') && node.label.toLowerCase().includes(search)) found.push(node);
      if (found.length > maxResults) break;
    }
    return found;
  }, [graph, search]);
  const go = (id: string) => {
    const place = layout.positions.get(id);
    if (place) void setCenter(place.x + place.width / 2, place.y + place.height / 2, { zoom: Math.max(getZoom(), 0.9), duration: 300 });
    // A group is not a node of the workflow: the view moves to it, and clicking it opens it.
    if (!graph.nodes.find((n) => n.id === id)?.expands) onSelect(id);
    setText('');
  };
  const hasHidden = allExpanded || graph.nodes.some((n) => n.kind === 'hidden' || n.kind === 'group');
  return (
    <Panel position="top-left" className="flex items-start gap-2">
      <div className="relative">
        <input
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter' && results[0]) go(results[0].id); if (e.key === 'Escape') setText(''); }}
          placeholder="Find a node"
          aria-label="Find a node"
          className="w-56 rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm shadow-sm dark:border-slate-600 dark:bg-slate-800"
        />
        {search ? (
          <ul role="listbox" aria-label="Matching nodes" className="absolute mt-1 max-h-72 w-72 overflow-auto rounded-md bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200 dark:bg-slate-800 dark:ring-slate-700">
            {results.length === 0 ? <li className="px-3 py-1.5 text-slate-500">No node matches{allExpanded ? '' : ' (nodes inside groups are not searched: expand all)'}</li> : null}
            {results.slice(0, maxResults).map((node) => (
              <li key={node.id} role="option" aria-selected={false}>
                <button type="button" onClick={() => go(node.id)} className="flex w-full justify-between gap-2 px-3 py-1.5 text-left hover:bg-slate-100 dark:hover:bg-slate-700">
                  <span className="truncate">{node.label}</span>
                  <span className="shrink-0 text-xs text-slate-500">{node.phase}</span>
                </button>
              </li>
            ))}
            {results.length > maxResults ? <li className="px-3 py-1 text-xs text-slate-500">More match: type more of the name</li> : null}
          </ul>
        ) : null}
      </div>
      {hasHidden ? (
        <button type="button" onClick={onToggleExpandAll} className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-sm shadow-sm hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800">
          {allExpanded ? 'Collapse groups' : 'Expand all'}
        </button>
      ) : null}
      {pending ? <span role="status" className="rounded-md bg-white/90 px-2 py-1 text-xs text-slate-500 shadow-sm dark:bg-slate-800/90">Laying out…</span> : null}
    </Panel>
  );
}
