'use client';
import { BaseEdge, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Point } from '@/lib/graph';

export type LayeredFlowEdge = Edge<{ bends: Point[] }>;

/** A vertical S-curve through each point: the edge leaves downwards and arrives from above. */
export function curveThrough(points: Point[]): string {
  let path = `M ${points[0]!.x} ${points[0]!.y}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const mid = (b.y - a.y) / 2;
    path += ` C ${a.x} ${a.y + mid} ${b.x} ${b.y - mid} ${b.x} ${b.y}`;
  }
  return path;
}

/** An edge that follows the layout's bend points when it crosses several layers. */
function LayeredEdge({ sourceX, sourceY, targetX, targetY, data, markerEnd, style }: EdgeProps<LayeredFlowEdge>) {
  const path = curveThrough([{ x: sourceX, y: sourceY }, ...(data?.bends ?? []), { x: targetX, y: targetY }]);
  return <BaseEdge path={path} markerEnd={markerEnd} style={style} />;
}

export const edgeTypes = { layered: memo(LayeredEdge) };
