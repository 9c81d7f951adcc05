import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toApiIndex } from './api-index';

describe('toApiIndex', () => {
  it('indexes every operation of Argo’s swagger, compactly', () => {
    const swagger = JSON.parse(readFileSync(new URL('../../server/api/argo-swagger.json', import.meta.url), 'utf8'));
    const index = toApiIndex(swagger);
    const retry = index.operations.find((o) => o.path === '/api/v1/workflows/{namespace}/{name}/retry');
    expect(retry).toMatchObject({ method: 'PUT', tag: 'WorkflowService', response: 'Workflow' });
    expect(retry!.parameters.map((p) => p.name)).toEqual(['namespace', 'name', 'body']);
    expect(index.operations.length).toBeGreaterThan(50);
    expect(JSON.stringify(index).length).toBeLessThan(200_000);
  });
  it('copes with a document without paths', () => {
    expect(toApiIndex({})).toEqual({ title: 'API', version: '', operations: [] });
  });
});
