export * from './types';
export { buildWorkflowGraph, hiddenNodeId } from './build-workflow-graph';
export { graphShapeKey } from './graph-shape-key';
export { edgeKey, layoutGraph } from './layout-graph';
export { memoizeLayout } from './memoize-layout';
export { nodeSizes } from './node-size';
export { displayLabel, displayPhase, isDimmed, nodeDurationSeconds } from './node-display';
export { nodesInsideGroup } from './group-scope';
export { groupNodeId, groupSimilarNodes } from './group-similar-nodes';
