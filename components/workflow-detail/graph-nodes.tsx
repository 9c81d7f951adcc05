'use client';
import { Handle, type Node, type NodeProps, Position, useStore } from '@xyflow/react';
import { memo } from 'react';
import type { GraphNode } from '@/lib/graph';
import { formatElapsed } from './format';
import { PhaseIcon } from './phase-icon';
import { phaseStyle } from './phase-style';
import { useNow } from './use-now';

export interface GraphNodeData extends Record<string, unknown> {
  node: GraphNode;
  startedAt?: string;
  finishedAt?: string;
  selected: boolean;
}
export type WorkflowFlowNode = Node<GraphNodeData>;

// A one-pixel handle on the border, so edges touch the node instead of stopping short of it.
const anchorClass = '!pointer-events-none !h-px !min-h-0 !w-px !min-w-0 !border-0 !opacity-0';

// Edges enter at the top and leave at the bottom; the handles are anchors only, never dragged.
function Anchors() {
  return (
    <>
      <Handle type="target" position={Position.Top} isConnectable={false} className={anchorClass} />
      <Handle type="source" position={Position.Bottom} isConnectable={false} className={anchorClass} />
    </>
  );
}

function Elapsed({ startedAt, finishedAt }: { startedAt?: string; finishedAt?: string }) {
  const now = useNow(Boolean(startedAt && !finishedAt));
  return <>{formatElapsed({ startedAt, finishedAt }, now)}</>;
}

/** A pod, steps, DAG, retry, suspend or skipped node: phase icon, display name, type and duration. */
// Below this zoom text is unreadable: cards are drawn as plain phase-coloured blocks (much cheaper to paint).
const minimalZoom = 0.3;
const isFar = (s: { transform: [number, number, number] }) => s.transform[2] < minimalZoom;

function CardNode({ data }: NodeProps<WorkflowFlowNode>) {
  const { node, selected, startedAt, finishedAt } = data;
  const far = useStore(isFar);
  if (far) {
    return (
      <div
        title={node.label}
        data-phase={node.phase}
        className={`h-14 w-52 rounded-lg border-4 bg-white dark:bg-slate-800 ${selected ? 'border-blue-500' : ''} ${node.dimmed ? 'opacity-60' : ''}`}
        style={selected ? undefined : { borderColor: phaseStyle(node.phase).fill }}
      >
        <Anchors />
      </div>
    );
  }
  return (
    <div
      title={node.label}
      data-phase={node.phase}
      className={`flex h-14 w-52 cursor-pointer items-center gap-2.5 rounded-lg border bg-white px-3 hover:border-slate-400 dark:bg-slate-800 ${
        selected ? 'border-blue-500 ring-2 ring-blue-500/40' : 'border-slate-200 dark:border-slate-600'
      } ${node.dimmed ? 'border-dashed opacity-60' : ''}`}
    >
      <Anchors />
      <PhaseIcon phase={node.phase} />
      <div className="min-w-0 flex-1">
        <div className="truncate text-sm font-medium text-slate-900">{node.label}</div>
        <div className="flex gap-1.5 truncate text-xs text-slate-500">
          <span>{node.type}</span>
          {startedAt ? (
            <>
              <span aria-hidden>·</span>
              <span className="tabular-nums"><Elapsed startedAt={startedAt} finishedAt={finishedAt} /></span>
            </>
          ) : null}
        </div>
      </div>
      {node.hiddenCount > 0 ? (
        <span className="rounded-full bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-600" title={`${node.hiddenCount} nodes folded`}>
          +{node.hiddenCount}
        </span>
      ) : null}
    </div>
  );
}

/** StepGroup and TaskGroup: a small dot where edges meet, as in Argo's UI. */
function DotNode({ data }: NodeProps<WorkflowFlowNode>) {
  return (
    <div
      title={`${data.node.label} (${data.node.type}, ${data.node.phase})`}
      className={`h-3 w-3 cursor-pointer rounded-full ${data.selected ? 'ring-2 ring-blue-500' : ''}`}
      style={{ background: phaseStyle(data.node.phase).fill }}
    >
      <Anchors />
    </div>
  );
}

/** "N hidden nodes": clicking shows them. */
function HiddenNode({ data }: NodeProps<WorkflowFlowNode>) {
  return (
    <div
      title="Show the hidden nodes"
      className="flex h-10 w-40 cursor-pointer items-center justify-center gap-1.5 rounded-full border border-dashed border-slate-300 bg-slate-50 text-xs font-medium text-slate-600 hover:border-slate-400 hover:bg-white"
    >
      <Anchors />
      <span aria-hidden className="text-base leading-none">⋯</span>
      {data.node.label}
    </div>
  );
}

/**
 * Similar nodes of a large graph as one card: template, how many, a bar of their phases. Clicking draws them
 * one by one.
 */
function GroupNode({ data }: NodeProps<WorkflowFlowNode>) {
  const { node, selected } = data;
  const far = useStore(isFar);
  const counts = Object.entries(node.phaseCounts ?? {}).sort((a, b) => b[1] - a[1]);
  const summary = counts.map(([phase, n]) => `${n.toLocaleString()} ${phase}`).join(', ');
  return (
    <div
      title={`${node.label}: ${summary}. Click to show each node.`}
      data-phase={node.phase}
      className={`relative flex h-14 w-52 cursor-pointer flex-col justify-center gap-1 rounded-lg border-2 border-double bg-white px-3 hover:border-slate-500 dark:bg-slate-800 ${
        selected ? 'border-blue-500' : 'border-slate-300 dark:border-slate-500'
      } ${node.dimmed ? 'opacity-60' : ''}`}
    >
      <Anchors />
      {far ? null : (
        <>
          <div className="flex items-center gap-2">
            <PhaseIcon phase={node.phase} />
            <span className="truncate text-sm font-medium text-slate-900">{node.label}</span>
          </div>
          <div className="flex h-1.5 overflow-hidden rounded-full bg-slate-100" aria-label={summary}>
            {counts.map(([phase, n]) => (
              <span key={phase} style={{ width: `${(100 * n) / node.hiddenCount}%`, background: phaseStyle(phase).fill }} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}

// Re-render a node only when what it shows changes, not whenever a poll brings a new object.
const sameNode = (a: NodeProps<WorkflowFlowNode>, b: NodeProps<WorkflowFlowNode>) =>
  a.data.selected === b.data.selected &&
  a.data.startedAt === b.data.startedAt &&
  a.data.finishedAt === b.data.finishedAt &&
  a.data.node.phase === b.data.node.phase &&
  a.data.node.label === b.data.node.label &&
  a.data.node.hiddenCount === b.data.node.hiddenCount &&
  a.data.node.dimmed === b.data.node.dimmed &&
  a.data.node.phaseCounts === b.data.node.phaseCounts;

export const nodeTypes = { card: memo(CardNode, sameNode), dot: memo(DotNode, sameNode), hidden: memo(HiddenNode, sameNode), group: memo(GroupNode, sameNode) };
