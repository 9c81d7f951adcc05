'use client';
import { Panel, useReactFlow, useStore } from '@xyflow/react';
import { type PointerEvent, useEffect, useRef } from 'react';
import type { GraphLayout, WorkflowGraph } from '@/lib/graph';
import { phaseStyle } from './phase-style';

const boxWidth = 200;
const boxHeight = 140;

/**
 * The whole graph in small, drawn once per layout or phase change on a canvas, with the view's rectangle over
 * it; click or drag to move the view there. React Flow's own minimap is an SVG with an element per node that
 * the browser repaints on every pan: with 10,000 nodes that alone costs most of each frame.
 */
export function CanvasMiniMap({ graph, layout }: { graph: WorkflowGraph; layout: GraphLayout }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const scale = Math.min(boxWidth / Math.max(layout.width, 1), boxHeight / Math.max(layout.height, 1));
  const width = Math.max(1, Math.round(layout.width * scale));
  const height = Math.max(1, Math.round(layout.height * scale));
  const { setCenter, getZoom } = useReactFlow();
  const [tx, ty, zoom] = useStore((s) => s.transform);
  const viewWidth = useStore((s) => s.width);
  const viewHeight = useStore((s) => s.height);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const ratio = window.devicePixelRatio || 1;
    context.setTransform(ratio * scale, 0, 0, ratio * scale, 0, 0);
    context.clearRect(0, 0, layout.width, layout.height);
    const minimum = 1 / scale;
    for (const node of graph.nodes) {
      const place = layout.positions.get(node.id);
      if (!place) continue;
      context.fillStyle = node.kind === 'hidden' ? '#94a3b8' : phaseStyle(node.phase).fill;
      context.fillRect(place.x, place.y, Math.max(place.width, minimum), Math.max(place.height, minimum));
    }
  }, [graph, layout, scale]);

  const moveTo = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    void setCenter((event.clientX - box.left) / scale, (event.clientY - box.top) / scale, { zoom: getZoom() });
  };
  const view = { left: (-tx / zoom) * scale, top: (-ty / zoom) * scale, width: (viewWidth / zoom) * scale, height: (viewHeight / zoom) * scale };
  return (
    <Panel position="bottom-right">
      <div
        role="img"
        aria-label="Map of the whole graph: click or drag to move the view"
        className="relative cursor-pointer overflow-hidden rounded bg-white ring-1 ring-slate-200 dark:bg-slate-800 dark:ring-slate-700"
        style={{ width, height }}
        onPointerDown={(e) => { e.currentTarget.setPointerCapture(e.pointerId); moveTo(e); }}
        onPointerMove={(e) => { if (e.buttons === 1) moveTo(e); }}
      >
        <canvas
          ref={canvas}
          width={Math.round(width * (typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1))}
          height={Math.round(height * (typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1))}
          style={{ width, height }}
        />
        <div className="pointer-events-none absolute border-2 border-blue-500 bg-blue-500/10" style={view} />
      </div>
    </Panel>
  );
}
