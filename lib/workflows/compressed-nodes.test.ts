import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Workflow } from '../generated/argo';
import { inflateCompressedNodes } from './compressed-nodes';

const compress = (value: unknown) => btoa(String.fromCharCode(...gzipSync(strToU8(JSON.stringify(value)))));
const nodes = { 'wf-1': { id: 'wf-1', name: 'wf', displayName: 'wf', type: 'DAG', phase: 'Succeeded' }, 'wf-2': { id: 'wf-2', name: 'wf.a', displayName: 'a', type: 'Pod', phase: 'Succeeded' } };
const workflow = (status: Workflow['status']) => ({ metadata: { name: 'wf', namespace: 'argo' }, spec: {}, status }) as Workflow;

describe('inflateCompressedNodes', () => {
  it("puts Argo's gzipped node map back into status.nodes and drops compressedNodes", () => {
    const inflated = inflateCompressedNodes(workflow({ phase: 'Succeeded', compressedNodes: compress(nodes) }));
    expect(inflated.status?.nodes).toEqual(nodes);
    expect(inflated.status).not.toHaveProperty('compressedNodes');
    expect(inflated.status?.phase).toBe('Succeeded');
  });
  it('leaves a workflow without compressed nodes as it is', () => {
    const plain = workflow({ phase: 'Running', nodes: {} });
    expect(inflateCompressedNodes(plain)).toBe(plain);
  });
  it('says which workflow has a value that does not decode', () => {
    expect(() => inflateCompressedNodes(workflow({ compressedNodes: 'not-gzip' }))).toThrow(/argo\/wf: status.compressedNodes does not decode/);
  });
});
