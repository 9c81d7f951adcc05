import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/k8s/object';
import type { SqlResourceStore } from '../cluster/sql-resource-store';
import { openMemoryStore } from '../testing/memory-store';
import { type StreamMessage, watchWorkflows } from './workflow-watch';

let store: SqlResourceStore;
beforeAll(async () => {
  store = await openMemoryStore();
}, 60_000);
afterAll(() => store.close());

const workflow = (name: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name, namespace: 'watch', labels }, spec: { entrypoint: 'main' },
});
type Event = { type: string; name: string; version: number; phase?: string };
const eventOf = (message: StreamMessage): Event => {
  const { type, object } = (message as { result: { type: string; object: KubeObject & { status?: { phase?: string } } } }).result;
  return { type, name: object.metadata.name ?? '', version: Number(object.metadata.resourceVersion), phase: object.status?.phase };
};

async function take(stream: AsyncIterator<StreamMessage>, until: (events: Event[]) => boolean): Promise<Event[]> {
  const events: Event[] = [];
  while (!until(events)) events.push(eventOf((await stream.next()).value as StreamMessage));
  return events;
}

describe('watchWorkflows in embedded mode', () => {
  it('sends each workflow listed, then the changes, never going back to a version already sent', async () => {
    const a = await store.create('workflows', 'watch', workflow('a'));
    await store.create('workflows', 'watch', workflow('b'));
    const abort = new AbortController();
    const stream = watchWorkflows(store, { namespace: 'watch' }, abort.signal)[Symbol.asyncIterator]();
    // Written while the stream lists: the change is either in the list or sent after it, never twice nor reordered.
    const writing = store.update<KubeObject>('workflows', 'watch', { ...a, status: { phase: 'Running' } });
    const events = await take(stream, (seen) => seen.some((e) => e.name === 'a' && e.phase === 'Running') && seen.some((e) => e.name === 'b'));
    const updated = await writing;
    const versionsOfA = events.filter((e) => e.name === 'a').map((e) => e.version);
    expect(versionsOfA).toEqual([...versionsOfA].sort((x, y) => x - y));
    expect(versionsOfA.at(-1)).toBe(Number(updated.metadata.resourceVersion));
    expect(new Set(versionsOfA).size).toBe(versionsOfA.length);

    const next = take(stream, (seen) => seen.length === 2);
    await store.create('workflows', 'watch', workflow('c'));
    await store.update('workflows', 'watch', { ...updated, status: { phase: 'Succeeded' } });
    expect((await next).map(({ type, name, phase }) => ({ type, name, phase }))).toEqual([
      { type: 'ADDED', name: 'c', phase: undefined },
      { type: 'MODIFIED', name: 'a', phase: 'Succeeded' },
    ]);
    abort.abort();
    expect((await stream.next()).done).toBe(true);
  });

  it('from a resourceVersion, sends only what changed after it, narrowed by labels', async () => {
    const { resourceVersion } = await store.list('workflows', 'watch');
    const abort = new AbortController();
    const stream = watchWorkflows(store, { namespace: 'watch', resourceVersion, labelSelector: 'team=x' }, abort.signal)[Symbol.asyncIterator]();
    const next = take(stream, (seen) => seen.length === 1);
    await store.create('workflows', 'watch', workflow('d'));
    await store.create('workflows', 'watch', workflow('e', { team: 'x' }));
    expect((await next).map((e) => [e.type, e.name])).toEqual([['ADDED', 'e']]);
    abort.abort();
  });
});
