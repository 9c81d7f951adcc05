import { describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/k8s/object';
import type { ObjectList, WatchEvent } from './cluster-port';
import { packObject } from './listed-object';
import { type HoldObject, WatchCache, type WatchCacheSource } from './watch-cache';

const wf = (name: string, version: number, labels: Record<string, string> = {}, uid = `uid-${name}`): KubeObject =>
  ({ metadata: { name, namespace: 'ns', uid, resourceVersion: String(version), labels } });

/** A source whose list and watch the test drives by hand. */
function scriptedSource(initial: KubeObject[], version = 10) {
  const calls = { lists: 0, watches: [] as string[] };
  let push: (event: WatchEvent<KubeObject>) => void = () => {};
  let relist: (list: ObjectList<KubeObject>) => void = () => {};
  const source: WatchCacheSource<KubeObject> = {
    listAll: async (_namespace, hold) => {
      calls.lists++;
      return { items: initial.map(hold), resourceVersion: String(version) };
    },
    watchFrom: async (_namespace, from, onEvent, onRelisted) => {
      calls.watches.push(from);
      push = onEvent;
      relist = onRelisted;
    },
  };
  return { source, calls, push: (e: WatchEvent<KubeObject>) => push(e), relist: (l: ObjectList<KubeObject>) => relist(l) };
}

describe.each<[string, HoldObject<KubeObject> | undefined]>([['as is', undefined], ['packed', packObject]])('WatchCache, objects held %s', (_layout, hold) => {
  it('lists from one watch shared by every reader, filtered by labels', async () => {
    const s = scriptedSource([wf('a', 5, { team: 'x' }), wf('b', 6, { team: 'y' })]);
    const cache = new WatchCache(s.source, { hold });
    const [all, x] = await Promise.all([cache.list('ns'), cache.list('ns', 'team=x')]);
    expect(all.items.map((o) => o.metadata.name)).toEqual(['a', 'b']);
    expect(x.items.map((o) => o.metadata.name)).toEqual(['a']);
    expect(all.resourceVersion).toBe('10');
    expect(s.calls).toEqual({ lists: 1, watches: ['10'] });
    cache.close();
  });

  it('fans each change out once to every subscriber, newest version only', async () => {
    const s = scriptedSource([wf('a', 5)]);
    const cache = new WatchCache(s.source, { hold });
    const seen: string[][] = [[], []];
    const abort = new AbortController();
    for (const i of [0, 1]) await cache.watch('ns', (e) => seen[i]!.push(`${e.type} ${e.object.metadata.name}@${e.object.metadata.resourceVersion}`), abort.signal);
    s.push({ type: 'MODIFIED', object: wf('a', 11) });
    // What this process wrote is passed on at once; the watch's copy of it later is not passed on again.
    cache.wrote({ type: 'ADDED', object: wf('c', 12) });
    await new Promise((r) => setTimeout(r, 0));
    s.push({ type: 'ADDED', object: wf('c', 12) });
    s.push({ type: 'MODIFIED', object: wf('a', 9) });
    s.push({ type: 'DELETED', object: wf('a', 13) });
    expect(seen[0]).toEqual(['MODIFIED a@11', 'ADDED c@12', 'DELETED a@13']);
    expect(seen[1]).toEqual(seen[0]);
    expect((await cache.list('ns')).items.map((o) => o.metadata.name)).toEqual(['c']);
    expect((await cache.list('ns')).resourceVersion).toBe('13');
    abort.abort();
    s.push({ type: 'ADDED', object: wf('d', 14) });
    expect(seen[0]).toHaveLength(3);
    cache.close();
  });

  it('after a relist passes on what changed and what vanished', async () => {
    const s = scriptedSource([wf('a', 5), wf('b', 6)]);
    const cache = new WatchCache(s.source, { hold });
    const seen: string[] = [];
    await cache.watch('ns', (e) => seen.push(`${e.type} ${e.object.metadata.name}`), new AbortController().signal);
    s.relist({ items: [wf('a', 5), wf('c', 20)], resourceVersion: '21' });
    expect(seen).toEqual(['ADDED c', 'DELETED b']);
    expect((await cache.list('ns')).resourceVersion).toBe('21');
    cache.close();
  });

  it('a failed first list reaches the reader, and the next reader tries again', async () => {
    let fail = true;
    const cache = new WatchCache<KubeObject>({
      listAll: async (_namespace, holdOne) => {
        if (fail) throw new Error('forbidden');
        return { items: [holdOne(wf('a', 1))], resourceVersion: '1' };
      },
      watchFrom: async () => {},
    }, { hold });
    await expect(cache.list('ns')).rejects.toThrow('forbidden');
    fail = false;
    expect((await cache.list('ns')).items).toHaveLength(1);
    cache.close();
  });

  it('a deletion of another object of the same name (other uid) is not applied', async () => {
    const s = scriptedSource([wf('a', 5, {}, 'new')]);
    const cache = new WatchCache(s.source, { hold });
    await cache.list('ns');
    s.push({ type: 'DELETED', object: wf('a', 4, {}, 'old') });
    expect((await cache.list('ns')).items).toHaveLength(1);
    cache.close();
  });
});

describe('WatchCache with packed objects', () => {
  it('lists summaries without parsing, and every read is a copy the reader may change', async () => {
    const s = scriptedSource([{ ...wf('a', 5, { team: 'x' }), spec: { entrypoint: 'main' }, status: { phase: 'Running', startedAt: 't0', nodes: { n: {} } } }]);
    const cache = new WatchCache(s.source, { hold: packObject });
    const [summary] = (await cache.listSummaries('ns')).items;
    expect(summary!.metadata).toMatchObject({ name: 'a', resourceVersion: '5', labels: { team: 'x' } });
    expect(summary!.status).toEqual({ phase: 'Running', startedAt: 't0', finishedAt: undefined });
    expect(summary).not.toHaveProperty('spec');
    const read = (await cache.list('ns')).items[0]!;
    expect(read['spec']).toEqual({ entrypoint: 'main' });
    (read['spec'] as { entrypoint: string }).entrypoint = 'changed';
    expect((await cache.list('ns')).items[0]!['spec']).toEqual({ entrypoint: 'main' });
    cache.close();
  });

  it('keeps what was written as it was when written; subscribers get the watch\'s object as it arrived', async () => {
    const s = scriptedSource([]);
    const cache = new WatchCache(s.source, { hold: packObject });
    const seen: KubeObject[] = [];
    await cache.watch('ns', (e) => seen.push(e.object), new AbortController().signal);
    const written = { ...wf('w', 11), spec: { entrypoint: 'main' } };
    cache.wrote({ type: 'ADDED', object: written });
    written.spec.entrypoint = 'changed after the write';
    await new Promise((r) => setTimeout(r, 0));
    expect(seen[0]).not.toBe(written);
    expect(seen[0]!['spec']).toEqual({ entrypoint: 'main' });
    expect((await cache.list('ns')).items[0]!['spec']).toEqual({ entrypoint: 'main' });
    const arrived = wf('v', 12);
    s.push({ type: 'ADDED', object: arrived });
    expect(seen[1]).toBe(arrived);
    cache.close();
  });
});
