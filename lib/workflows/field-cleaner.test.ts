import { describe, expect, it } from 'vitest';
import { cleanFields, parseFields, willExclude, withoutPrefix } from './field-cleaner';

const list = {
  metadata: { resourceVersion: '7', continue: '2' },
  items: [
    { metadata: { name: 'a', namespace: 'argo', labels: { x: '1' } }, spec: { entrypoint: 'main' }, status: { phase: 'Running', nodes: { a: {} } } },
    { metadata: { name: 'b', namespace: 'argo' }, spec: { entrypoint: 'main' }, status: { phase: 'Succeeded' } },
  ],
};

describe('cleanFields', () => {
  it('keeps everything without fields', () => {
    expect(cleanFields(parseFields(''), list)).toBe(list);
  });

  it('keeps only the listed paths, through arrays', () => {
    expect(cleanFields(parseFields('items.metadata.name,items.status.phase'), list)).toEqual({
      items: [{ metadata: { name: 'a' }, status: { phase: 'Running' } }, { metadata: { name: 'b' }, status: { phase: 'Succeeded' } }],
    });
  });

  it('keeps a whole subtree when its path is listed', () => {
    expect(cleanFields(parseFields('metadata,items.metadata.labels'), list)).toEqual({
      metadata: { resourceVersion: '7', continue: '2' },
      items: [{ metadata: { labels: { x: '1' } } }, { metadata: {} }],
    });
  });

  it('drops the listed paths with a leading minus', () => {
    const cleaned = cleanFields(parseFields('-items.status.nodes,items.spec'), list);
    expect(cleaned.items[0]).toEqual({ metadata: list.items[0]!.metadata, status: { phase: 'Running' } });
    expect(cleaned.metadata).toEqual(list.metadata);
  });

  it('does not change its input', () => {
    cleanFields(parseFields('items.metadata.name'), list);
    expect(list.items[0]!.spec.entrypoint).toBe('main');
  });

  it('matches by string prefix as Argo does', () => {
    expect(cleanFields(parseFields('items.meta'), { items: [{ meta: 1, metadata: { name: 'a' } }] })).toEqual({ items: [{ meta: 1 }] });
  });
});

describe('willExclude and withoutPrefix', () => {
  it('tells whether a path survives', () => {
    expect(willExclude(parseFields(''), 'status.nodes')).toBe(false);
    expect(willExclude(parseFields('metadata.name'), 'status.nodes')).toBe(true);
    expect(willExclude(parseFields('status'), 'status.nodes')).toBe(false);
    expect(willExclude(parseFields('-status.nodes'), 'status.nodes')).toBe(true);
    expect(willExclude(parseFields('-spec'), 'status.nodes')).toBe(false);
  });

  it('strips a prefix from every path', () => {
    const cleaner = withoutPrefix(parseFields('result.object.metadata.name,result.type'), 'result.object.');
    expect([...cleaner.fields]).toEqual(['metadata.name', 'result.type']);
  });
});
