import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../k8s/object';
import { applyListEvent, applyObjectEvent, isNewer, isStaleFetch } from './apply-watch-event';
import { parseStreamFrame } from './parse-stream-frame';

const wf = (name: string, rv: number, extra: Partial<KubeObject> = {}): KubeObject => ({
  metadata: { name, uid: `uid-${name}`, resourceVersion: String(rv), creationTimestamp: `2026-01-01T00:00:${String(rv % 60).padStart(2, '0')}Z` },
  ...extra,
});

describe('applyObjectEvent', () => {
  it('takes a newer version and ignores a replayed older one', () => {
    const v1 = wf('a', 1);
    const v2 = wf('a', 2, { status: { phase: 'Running' } });
    expect(applyObjectEvent(v1, { type: 'MODIFIED', object: v2 })).toBe(v2);
    expect(applyObjectEvent(v2, { type: 'ADDED', object: v1 })).toBe(v2);
    expect(applyObjectEvent(v2, { type: 'MODIFIED', object: wf('a', 2) })).toBe(v2);
  });
  it('takes anything when there is nothing yet, and drops on DELETED', () => {
    const v1 = wf('a', 1);
    expect(applyObjectEvent(undefined, { type: 'ADDED', object: v1 })).toBe(v1);
    expect(applyObjectEvent(v1, { type: 'DELETED', object: v1 })).toBeUndefined();
  });
  it('treats versions as numbers, not strings', () => {
    expect(isNewer(wf('a', 9), wf('a', 10))).toBe(true);
  });
});

describe('isStaleFetch', () => {
  it('is stale only for the same object at a lower version', () => {
    expect(isStaleFetch(wf('a', 7), wf('a', 5))).toBe(true);
    expect(isStaleFetch(wf('a', 7), wf('a', 7))).toBe(false);
    expect(isStaleFetch(wf('a', 7), wf('a', 9))).toBe(false);
    expect(isStaleFetch(undefined, wf('a', 5))).toBe(false);
  });
  it('takes a recreated object (another uid) and copies without versions (the archive)', () => {
    expect(isStaleFetch(wf('a', 7), { metadata: { name: 'a', uid: 'other', resourceVersion: '3' } })).toBe(false);
    expect(isStaleFetch(wf('a', 7), { metadata: { name: 'a', uid: 'uid-a' } })).toBe(false);
  });
});

describe('applyListEvent', () => {
  const list = { metadata: {}, items: [wf('b', 5), wf('a', 3)] };
  const newestFirst = (x: KubeObject, y: KubeObject) => (y.metadata.creationTimestamp ?? '').localeCompare(x.metadata.creationTimestamp ?? '');

  it('replaces a modified item in place and keeps the list when the event is stale', () => {
    const next = applyListEvent(list, { type: 'MODIFIED', object: wf('a', 7) });
    expect(next.items?.map((i) => i.metadata.resourceVersion)).toEqual(['5', '7']);
    expect(applyListEvent(list, { type: 'MODIFIED', object: wf('a', 2) })).toBe(list);
  });
  it('inserts added items in order on the first page only', () => {
    const next = applyListEvent(list, { type: 'ADDED', object: wf('c', 9) }, { compare: newestFirst });
    expect(next.items?.map((i) => i.metadata.name)).toEqual(['c', 'b', 'a']);
    const middle = applyListEvent(list, { type: 'ADDED', object: wf('m', 4) }, { compare: newestFirst });
    expect(middle.items?.map((i) => i.metadata.name)).toEqual(['b', 'm', 'a']);
    expect(applyListEvent(list, { type: 'ADDED', object: wf('c', 9) }, { firstPage: false })).toBe(list);
  });
  it('drops deleted items and items that no longer match', () => {
    expect(applyListEvent(list, { type: 'DELETED', object: wf('a', 8) }).items?.map((i) => i.metadata.name)).toEqual(['b']);
    const rejected = applyListEvent(list, { type: 'MODIFIED', object: wf('b', 8) }, { accepts: () => false });
    expect(rejected.items?.map((i) => i.metadata.name)).toEqual(['a']);
    expect(applyListEvent({ metadata: {}, items: [wf('a', 1)] }, { type: 'DELETED', object: wf('a', 2) }).items).toBeNull();
  });
  it('handles a null list', () => {
    expect(applyListEvent({ metadata: {}, items: null }, { type: 'ADDED', object: wf('a', 1) }).items).toHaveLength(1);
  });
});

describe('parseStreamFrame', () => {
  it('reads results, errors and skips keep-alives', () => {
    expect(parseStreamFrame('{"result":{"type":"ADDED","object":{"metadata":{}}}} ')).toEqual({ result: { type: 'ADDED', object: { metadata: {} } } });
    expect(parseStreamFrame('{"error":{"message":"gone","http_code":404}}')).toEqual({ error: { message: 'gone', http_code: 404 } });
    expect(parseStreamFrame('')).toBeUndefined();
    expect(parseStreamFrame('{"res')).toBeUndefined();
  });
});
