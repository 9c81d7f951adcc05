'use client';
import '@xyflow/react/dist/style.css';
import { Background, Controls, MarkerType, ReactFlow, useReactFlow, useStore } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { NodeStatus } from '@/lib/generated/argo';
import { buildWorkflowGraph, edgeKey, type GraphViewOptions } from '@/lib/graph';
import { CanvasMiniMap } from './canvas-minimap';
import { GraphToolbar } from './graph-toolbar';
import { type GraphNodeData, nodeTypes, type WorkflowFlowNode } from './graph-nodes';
import { edgeTypes, type LayeredFlowEdge } from './layered-edge';
import { useGraphLayout } from './use-graph-layout';
const edgeStyle = { stroke: '#94a3b8', strokeWidth: 1.5 };
const marker = { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#94a3b8' };

// The graph fits again when the user expands or folds nodes, and, when small, when the side panel opens or
// closes; a large graph otherwise keeps the user's zoom and place.
const refitLimit = 60;
// Never fit below 40 %: a very wide graph opens readable at its centre, the minimap showing the rest.
const fitOptions = { padding: 0.2, maxZoom: 1, minZoom: 0.4 };
// Above this many nodes edges are drawn without arrowheads (thousands of markers cost paint time; edges still
// run top to bottom, so the direction stays clear), and there is no dotted background (repainted on every pan).
const plainEdgesAbove = 1000;

// A large graph's new layout (after expanding, laid out in the worker) arrives after the view changed: it is
// fitted once when it comes, and never again for live updates of the same view.
function Refit({ view, layout, onResize }: { view: GraphViewOptions; layout: unknown; onResize: boolean }) {
  const { fitView } = useReactFlow();
  const width = useStore((s) => (onResize ? s.width : 0));
  const height = useStore((s) => (onResize ? s.height : 0));
  const nodeCount = useStore((s) => (onResize ? s.nodeLookup.size : 0));
  const fittedView = useRef<GraphViewOptions | undefined>(undefined);
  const fittedLayout = useRef<unknown>(undefined);
  useEffect(() => {
    if (!onResize && fittedView.current === view && fittedLayout.current !== undefined) return;
    if (fittedLayout.current === layout && fittedView.current !== view && !onResize) return;
    fittedView.current = view;
    fittedLayout.current = layout;
    // Wait a frame so React Flow has measured the nodes of the new shape.
    const frame = requestAnimationFrame(() => void fitView({ ...fitOptions, duration: 150 }));
    return () => cancelAnimationFrame(frame);
  }, [fitView, view, layout, onResize, width, height, nodeCount]);
  return null;
}

export function WorkflowGraph({ workflowName, nodes, view, selectedId, onSelect, onExpand, onToggleExpandAll }: {
  workflowName: string;
  nodes: Record<string, NodeStatus>;
  view: GraphViewOptions;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  onExpand: (id: string) => void;
  onToggleExpandAll: () => void;
}) {
  const built = useMemo(() => buildWorkflowGraph(workflowName, nodes, view), [workflowName, nodes, view]);
  const { placed: shown, pending, error } = useGraphLayout(built);

  const graph = shown?.graph ?? built;
  const placed = shown?.layout;
  const flowNodes = useMemo<WorkflowFlowNode[]>(
    () => {
      if (!placed) return [];
      return graph.nodes.map((node) => {
        const status = nodes[node.id];
        const data: GraphNodeData = { node, startedAt: status?.startedAt, finishedAt: status?.finishedAt, selected: node.id === selectedId };
        const { x, y, width, height } = placed.positions.get(node.id)!;
        return { id: node.id, type: node.kind, position: { x, y }, width, height, data, draggable: false, connectable: false };
      });
    },
    [graph, nodes, placed, selectedId],
  );
  const flowEdges = useMemo<LayeredFlowEdge[]>(() => {
    if (!placed) return [];
    const indexOf = new Map(graph.nodes.map((n, i) => [n.id, i]));
    const plain = graph.nodes.length > plainEdgesAbove;
    return graph.edges.map((edge) => ({
        id: edgeKey(edge.source, edge.target),
        source: edge.source,
        target: edge.target,
        type: 'layered',
        data: { bends: placed.bends.get(edgeKey(edge.source, edge.target)) ?? [] },
        style: edgeStyle,
        // An arrow into a StepGroup/TaskGroup dot would cover it: the dot already shows where the edge goes.
        markerEnd: plain || graph.nodes[indexOf.get(edge.target)!]?.kind === 'dot' ? undefined : marker,
        focusable: false,
      }));
  }, [graph, placed]);

  const onNodeClick = useCallback(
    (_: unknown, node: WorkflowFlowNode) => {
      if (node.data.node.expands) onExpand(node.data.node.expands);
      else onSelect(node.id);
    },
    [onExpand, onSelect],
  );

  if (graph.nodes.length === 0) {
    return <p className="p-8 text-sm text-slate-500">No nodes yet: the controller has not started this workflow.</p>;
  }
  if (error) return <p role="alert" className="p-8 text-sm text-rose-700">Could not lay out the graph: {error}</p>;
  if (!placed) {
    return <p aria-busy="true" className="p-8 text-sm text-slate-500">Laying out {built.nodes.length.toLocaleString()} nodes…</p>;
  }
  return (
    <ReactFlow
      nodes={flowNodes}
      edges={flowEdges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodeClick={onNodeClick}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      onlyRenderVisibleElements={graph.nodes.length > 200}
      fitView
      fitViewOptions={fitOptions}
      minZoom={0.05}
      maxZoom={2}
      proOptions={{ hideAttribution: true }}
    >
      {graph.nodes.length > plainEdgesAbove ? null : <Background gap={20} color="#e2e8f0" />}
      <Refit view={view} layout={placed} onResize={graph.nodes.length <= refitLimit} />
      <Controls showInteractive={false} position="bottom-left" />
      <GraphToolbar graph={graph} layout={placed} onSelect={onSelect} allExpanded={Boolean(view.expanded?.has('*'))} onToggleExpandAll={onToggleExpandAll} pending={pending} />
      {graph.nodes.length > 30 ? <CanvasMiniMap graph={graph} layout={placed} /> : null}
    </ReactFlow>
  );
}
