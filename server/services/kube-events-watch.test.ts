import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toKubeEvent } from '@/lib/k8s/kube-event';
import type { SqlResourceStore } from '../cluster/sql-resource-store';
import { watchKubeEvents } from './kube-events-watch';
import { openMemoryStore } from '../testing/memory-store';

// Embedded mode: Events its controller records (ArtifactGCFailed…) reach the same stream as in kubernetes mode.
let store: SqlResourceStore;
beforeAll(async () => {
  store = await openMemoryStore();
}, 60_000);
afterAll(() => store.close());

const workflow = (name: string) => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name, namespace: 'argo', uid: `uid-${name}` } });
// Recent: embedded mode expires Events last seen over an hour ago (eventRetention).
const second = (n: number) => new Date(Math.floor(Date.now() / 1000) * 1000 + n * 1000);
const stamp = (n: number) => second(n).toISOString().replace(/\.\d+Z$/, 'Z');
const failed = (name: string, at: Date) =>
  toKubeEvent(workflow(name), { type: 'Warning', reason: 'ArtifactGCFailed', message: `Artifact Garbage Collection failed for ${name}` }, at);

describe('watchKubeEvents in embedded mode', () => {
  it('streams the recorded Events matching the field selector: those stored, then new ones', async () => {
    await store.recordEvent(failed('one', second(0)));
    await store.recordEvent(failed('two', second(1)));
    const abort = new AbortController();
    const stream = watchKubeEvents(store, { namespace: 'argo', fieldSelector: 'involvedObject.kind=Workflow,involvedObject.name=one' }, abort.signal)[Symbol.asyncIterator]();
    const first = (await stream.next()).value as { result: Record<string, unknown> };
    expect(first.result).toMatchObject({
      apiVersion: 'v1', kind: 'Event', type: 'Warning', reason: 'ArtifactGCFailed', count: 1, source: { component: 'workflow-controller' },
      involvedObject: { kind: 'Workflow', name: 'one', namespace: 'argo', uid: 'uid-one', apiVersion: 'argoproj.io/v1alpha1' },
      metadata: { namespace: 'argo', name: `one.${(BigInt(second(0).getTime()) * 1_000_000n).toString(16)}` },
      firstTimestamp: stamp(0),
    });
    const next = stream.next();
    await store.recordEvent(failed('two', second(2)));
    await store.recordEvent(failed('one', second(3)));
    expect(((await next).value as { result: { lastTimestamp: string } }).result.lastTimestamp).toBe(stamp(3));
    abort.abort();
    expect((await stream.next()).done).toBe(true);
  });

  it('streams a listed Event again when its count is patched', async () => {
    const event = failed('three', second(0));
    await store.recordEvent(event);
    const abort = new AbortController();
    const stream = watchKubeEvents(store, { namespace: 'argo', fieldSelector: 'involvedObject.name=three' }, abort.signal)[Symbol.asyncIterator]();
    expect(((await stream.next()).value as { result: { count: number } }).result.count).toBe(1);
    const next = stream.next();
    await store.patchEvent('argo', event.metadata.name, { count: 2, lastTimestamp: stamp(1), message: event.message ?? '' });
    expect(((await next).value as { result: { count: number; lastTimestamp: string } }).result).toMatchObject({ count: 2, lastTimestamp: stamp(1) });
    abort.abort();
  });
});
