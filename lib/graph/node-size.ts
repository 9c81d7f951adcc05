import type { GraphNodeKind } from './types';

/** Drawn size of each kind of node, in pixels; the layout and the React Flow node components share it. */
export const nodeSizes: Record<GraphNodeKind, { width: number; height: number }> = {
  card: { width: 208, height: 56 },
  hidden: { width: 160, height: 40 },
  dot: { width: 12, height: 12 },
  group: { width: 208, height: 56 },
};
