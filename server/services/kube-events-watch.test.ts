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
const failed = (name: string, at: Date) =>
  toKubeEvent(workflow(name), { type: 'Warning', reason: 'ArtifactGCFailed', message: `Artifact Garbage Collection failed for ${name}` }, at);

describe('watchKubeEvents in embedded mode', () => {
  it('streams the recorded Events matching the field selector: those stored, then new ones', async () => {
    await store.recordEvent(failed('one', new Date('2026-11-24T10:00:00Z')));
    await store.recordEvent(failed('two', new Date('2026-11-24T10:00:01Z')));
    const abort = new AbortController();
    const stream = watchKubeEvents(store, { namespace: 'argo', fieldSelector: 'involvedObject.kind=Workflow,involvedObject.name=one' }, abort.signal)[Symbol.asyncIterator]();
    const first = (await stream.next()).value as { result: Record<string, unknown> };
    expect(first.result).toMatchObject({
      apiVersion: 'v1', kind: 'Event', type: 'Warning', reason: 'ArtifactGCFailed', count: 1, source: { component: 'workflow-controller' },
      involvedObject: { kind: 'Workflow', name: 'one', namespace: 'argo', uid: 'uid-one', apiVersion: 'argoproj.io/v1alpha1' },
      metadata: { namespace: 'argo', name: `one.${(BigInt(Date.parse('2026-11-24T10:00:00Z')) * 1_000_000n).toString(16)}` },
      firstTimestamp: '2026-11-24T10:00:00Z',
    });
    const next = stream.next();
    await store.recordEvent(failed('two', new Date('2026-11-24T10:00:02Z')));
    await store.recordEvent(failed('one', new Date('2026-11-24T10:00:03Z')));
    expect(((await next).value as { result: { lastTimestamp: string } }).result.lastTimestamp).toBe('2026-11-24T10:00:03Z');
    abort.abort();
    expect((await stream.next()).done).toBe(true);
  });
});
