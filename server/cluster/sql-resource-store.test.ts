import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import type { KubeObject } from '@/lib/k8s/object';
import type { WatchEvent } from './cluster-port';
import type { SqlResourceStore } from './sql-resource-store';
import { openMemoryStore } from '../testing/memory-store';

// PGlite in memory: the same SQL the embedded mode runs on disk.
let store: SqlResourceStore;
beforeAll(async () => {
  store = await openMemoryStore();
}, 60_000);
afterAll(() => store.close());

const template = (name: string, labels: Record<string, string> = {}) => ({
  metadata: { name, labels },
  spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'alpine' } }] },
});

describe('SqlResourceStore', () => {
  it('creates, reads, lists, updates and deletes', async () => {
    const created = await store.create<KubeObject>('workflowtemplates', 'argo', template('hello', { team: 'a' }));
    expect(created.metadata).toMatchObject({ name: 'hello', namespace: 'argo', generation: 1 });
    expect(created.kind).toBe('WorkflowTemplate');
    expect(created.apiVersion).toBe('argoproj.io/v1alpha1');
    const read = await store.get('workflowtemplates', 'argo', 'hello');
    expect(read).toEqual(created);

    await store.create<KubeObject>('workflowtemplates', 'argo', template('other', { team: 'b' }));
    const listed = await store.list('workflowtemplates', 'argo', { labelSelector: 'team=a' });
    expect(listed.items.map((i) => i.metadata.name)).toEqual(['hello']);

    const updated = await store.update('workflowtemplates', 'argo', { ...read, spec: { entrypoint: 'other' } });
    expect(Number(updated.metadata.resourceVersion)).toBeGreaterThan(Number(read.metadata.resourceVersion));
    expect(updated.metadata.generation).toBe(2);

    await store.delete('workflowtemplates', 'argo', 'hello');
    await expect(store.get('workflowtemplates', 'argo', 'hello')).rejects.toThrow('workflowtemplates.argoproj.io "hello" not found');
  });

  it('rejects a stale update with a conflict and a duplicate create with already-exists', async () => {
    const created = await store.create<KubeObject>('workflows', 'argo', { metadata: { generateName: 'wf-' }, spec: {} });
    expect(created.metadata.name).toMatch(/^wf-[a-z0-9]{5}$/);
    await store.update('workflows', 'argo', { ...created, status: { phase: 'Running' } });
    const stale = store.update('workflows', 'argo', { ...created, status: { phase: 'Failed' } });
    await expect(stale).rejects.toMatchObject({ code: 10 });
    const duplicate = store.create<KubeObject>('workflows', 'argo', { metadata: { name: created.metadata.name! } });
    await expect(duplicate).rejects.toMatchObject({ code: 6, httpStatus: 409 });
  });

  it('rejects invalid names clearly', async () => {
    await expect(store.create<KubeObject>('workflows', 'argo', { metadata: { name: 'Bad_Name' } })).rejects.toBeInstanceOf(ApiError);
  });

  it('pages with continue tokens', async () => {
    for (const n of ['p1', 'p2', 'p3']) await store.create<KubeObject>('cronworkflows', 'paging', { metadata: { name: n } });
    const first = await store.list('cronworkflows', 'paging', { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await store.list('cronworkflows', 'paging', { limit: 2, continue: first.continue });
    expect(second.items.map((i) => i.metadata.name)).toEqual(['p3']);
    expect(second.continue).toBeUndefined();
  });

  it('tells watchers about changes in their namespace', async () => {
    const events: WatchEvent[] = [];
    const controller = new AbortController();
    await store.watch('workflows', 'watched', (e) => events.push(e), controller.signal);
    await store.create<KubeObject>('workflows', 'elsewhere', { metadata: { name: 'x' } });
    const created = await store.create<KubeObject>('workflows', 'watched', { metadata: { name: 'y' } });
    await store.delete('workflows', 'watched', 'y');
    controller.abort();
    await store.create<KubeObject>('workflows', 'watched', { metadata: { name: 'z' } });
    expect(events.map((e) => [e.type, e.object.metadata.name])).toEqual([['ADDED', 'y'], ['DELETED', 'y']]);
    expect(created.metadata.namespace).toBe('watched');
  });

  it('lists workflows from memory: current after each write, unchanged by what a writer does with its copy', async () => {
    const before = await store.list('workflows', 'cached');
    expect(before.items).toEqual([]);
    const created = await store.create<KubeObject>('workflows', 'cached', { metadata: { name: 'a', labels: { team: 'x' } } });
    await store.create<KubeObject>('workflows', 'cached', { metadata: { name: 'b' } });
    const updated = await store.update<KubeObject>('workflows', 'cached', { ...created, status: { phase: 'Running' } });
    updated['status'] = { phase: 'changed by the writer' };
    (updated.metadata.labels ??= {})['team'] = 'changed';
    let listed = await store.list('workflows', 'cached', { labelSelector: 'team=x' });
    expect(listed.items.map((w) => [w.metadata.name, w['status']])).toEqual([['a', { phase: 'Running' }]]);
    expect(listed.items[0]?.metadata.resourceVersion).toBe(updated.metadata.resourceVersion);
    // Every namespace, and the store's own paging, agree with the cache.
    expect((await store.list('workflows', '')).items.map((w) => w.metadata.name)).toEqual(expect.arrayContaining(['a', 'b']));
    expect((await store.list('workflows', 'cached', { limit: 10 })).items.map((w) => w.metadata.name)).toEqual(['a', 'b']);
    await store.delete('workflows', 'cached', 'a');
    listed = await store.list('workflows', 'cached');
    expect(listed.items.map((w) => w.metadata.name)).toEqual(['b']);
    // A selector the cache cannot parse gets the store's error.
    await expect(store.list('workflows', 'cached', { labelSelector: 'a in (' })).rejects.toBeInstanceOf(ApiError);
  });
});
