import { gunzipSync, strFromU8 } from 'fflate';
import type { NodeStatus, Workflow } from '../generated/argo';

/**
 * Argo's controller stores a large node map as `status.compressedNodes` (base64 of gzipped JSON) and leaves
 * `status.nodes` empty. This puts the nodes back where everything else reads them; a workflow without compressed
 * nodes comes back unchanged (the same object). A value that does not decode throws, naming the workflow.
 */
export function inflateCompressedNodes<T extends Workflow>(workflow: T): T {
  const compressed = workflow.status?.compressedNodes;
  if (!compressed) return workflow;
  let nodes: Record<string, NodeStatus>;
  try {
    const bytes = Uint8Array.from(atob(compressed), (c) => c.charCodeAt(0));
    nodes = JSON.parse(strFromU8(gunzipSync(bytes))) as Record<string, NodeStatus>;
  } catch (error) {
    throw new Error(`workflow ${workflow.metadata?.namespace}/${workflow.metadata?.name}: status.compressedNodes does not decode: ${(error as Error).message}`);
  }
  const { compressedNodes: _dropped, ...status } = workflow.status!;
  return { ...workflow, status: { ...status, nodes: { ...(status.nodes ?? {}), ...nodes } } };
}
