'use client';
import '@xyflow/react/dist/style.css';
import { Background, Controls, MarkerType, MiniMap, ReactFlow, useReactFlow, useStore } from '@xyflow/react';
import { useCallback, useEffect, useMemo } from 'react';
import type { NodeStatus } from '@/lib/generated/argo';
import { buildWorkflowGraph, edgeKey, type GraphViewOptions, memoizeLayout } from '@/lib/graph';
import { type GraphNodeData, nodeTypes, type WorkflowFlowNode } from './graph-nodes';
import { edgeTypes, type LayeredFlowEdge } from './layered-edge';
import { phaseStyle } from './phase-style';

// One cache for the page: polling rebuilds the graph, but only a change of shape lays it out again.
const layout = memoizeLayout();
const edgeStyle = { stroke: '#94a3b8', strokeWidth: 1.5 };
const marker = { type: MarkerType.ArrowClosed, width: 16, height: 16, color: '#94a3b8' };

// The graph fits again when the user expands or folds nodes, and, when small, when the side panel opens or
// closes; a large graph otherwise keeps the user's zoom and place.
const refitLimit = 60;
// Never fit below 40 %: a very wide graph opens readable at its centre, the minimap showing the rest.
const fitOptions = { padding: 0.2, maxZoom: 1, minZoom: 0.4 };

function Refit({ view, onResize }: { view: GraphViewOptions; onResize: boolean }) {
  const { fitView } = useReactFlow();
  const width = useStore((s) => (onResize ? s.width : 0));
  const height = useStore((s) => (onResize ? s.height : 0));
  const nodeCount = useStore((s) => (onResize ? s.nodeLookup.size : 0));
  useEffect(() => {
    // Wait a frame so React Flow has measured the nodes of the new shape.
    const frame = requestAnimationFrame(() => void fitView({ ...fitOptions, duration: 150 }));
    return () => cancelAnimationFrame(frame);
  }, [fitView, view, width, height, nodeCount]);
  return null;
}

export function WorkflowGraph({ workflowName, nodes, view, selectedId, onSelect, onExpand }: {
  workflowName: string;
  nodes: Record<string, NodeStatus>;
  view: GraphViewOptions;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  onExpand: (id: string) => void;
}) {
  const graph = useMemo(() => buildWorkflowGraph(workflowName, nodes, view), [workflowName, nodes, view]);
  const placed = useMemo(() => layout(graph), [graph]);

  const flowNodes = useMemo<WorkflowFlowNode[]>(
    () =>
      graph.nodes.map((node) => {
        const status = nodes[node.id];
        const data: GraphNodeData = { node, startedAt: status?.startedAt, finishedAt: status?.finishedAt, selected: node.id === selectedId };
        const { x, y, width, height } = placed.positions.get(node.id)!;
        return { id: node.id, type: node.kind, position: { x, y }, width, height, data, draggable: false, connectable: false };
      }),
    [graph, nodes, placed, selectedId],
  );
  const flowEdges = useMemo<LayeredFlowEdge[]>(() => {
    const indexOf = new Map(graph.nodes.map((n, i) => [n.id, i]));
    return graph.edges.map((edge) => ({
        id: edgeKey(edge.source, edge.target),
        source: edge.source,
        target: edge.target,
        type: 'layered',
        data: { bends: placed.bends.get(edgeKey(edge.source, edge.target)) ?? [] },
        style: edgeStyle,
        // An arrow into a StepGroup/TaskGroup dot would cover it: the dot already shows where the edge goes.
        markerEnd: graph.nodes[indexOf.get(edge.target)!]?.kind === 'dot' ? undefined : marker,
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
      <Background gap={20} color="#e2e8f0" />
      <Refit view={view} onResize={graph.nodes.length <= refitLimit} />
      <Controls showInteractive={false} position="bottom-left" />
      {graph.nodes.length > 30 ? (
        <MiniMap pannable zoomable position="bottom-right" nodeColor={(n) => phaseStyle((n.data as GraphNodeData).node.phase).fill} />
      ) : null}
    </ReactFlow>
  );
}
