import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreV1Event } from '@/lib/generated/k8s';
import type { KubeEventBody } from '@/lib/k8s/kube-event';
import type { KubeObject } from '@/lib/k8s/object';
import { type SqlResourceStore, eventRetention } from '../cluster/sql-resource-store';
import { createLogger } from '../logger';
import { openMemoryStore } from '../testing/memory-store';
import { EventRecorder, type EventSink } from './event-recorder';

const logger = createLogger('silent');
const workflow = (namespace: string): KubeObject => ({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name: 'wf', namespace, uid: `uid-${namespace}` } });
const running = (node: number) => ({ type: 'Normal' as const, reason: 'WorkflowNodeRunning', message: `Running node wf.n${node}` });

let store: SqlResourceStore;
beforeAll(async () => {
  store = await openMemoryStore();
}, 60_000);
afterAll(() => store.close());

const events = async (namespace: string) => (await store.list<KubeObject & CoreV1Event>('events', namespace)).items;

describe('EventRecorder', () => {
  it("records a 2,000-node workflow's node Events as a few Events in the store, counts right, without waiting", async () => {
    const recorder = new EventRecorder(store, logger);
    const started = performance.now();
    for (let i = 0; i < 2000; i++) recorder.record(workflow('dag'), running(i));
    for (let i = 0; i < 2000; i++) recorder.record(workflow('dag'), { ...running(i), reason: 'WorkflowNodeSucceeded', message: `Succeeded node wf.n${i}` });
    expect(performance.now() - started).toBeLessThan(1000);
    await recorder.flush();
    const stored = await events('dag');
    expect(stored).toHaveLength(20);
    const combined = stored.filter((e) => e.message?.startsWith('(combined from similar events): '));
    expect(combined.map((e) => [e.reason, e.count, e.message])).toEqual(expect.arrayContaining([
      ['WorkflowNodeRunning', 1991, '(combined from similar events): Running node wf.n1999'],
      ['WorkflowNodeSucceeded', 1991, '(combined from similar events): Succeeded node wf.n1999'],
    ]));
  });

  it('sends fewer writes than Events when they come faster than they are written, and drops beyond the queue', async () => {
    const writes: string[] = [];
    const sink: EventSink = {
      recordEvent: async (event: KubeEventBody) => void writes.push(`create ${event.message}`),
      patchEvent: async (_namespace, _name, patch) => void writes.push(`patch ${patch.count}`),
    };
    const recorder = new EventRecorder(sink, logger, { queueSize: 3 });
    for (let i = 0; i < 5; i++) recorder.record(workflow('q'), running(1));
    for (let i = 2; i < 6; i++) recorder.record(workflow('q'), running(i));
    await recorder.flush();
    // n1 five times: one create with count 5; n2 and n3 fit the queue, n4 and n5 are dropped.
    expect(writes).toEqual(['create Running node wf.n1', 'create Running node wf.n2', 'create Running node wf.n3']);
  });

  it('counts the writes waiting or in flight until they are written', async () => {
    let release: () => void = () => {};
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const sink: EventSink = { recordEvent: () => blocked, patchEvent: () => blocked };
    const recorder = new EventRecorder(sink, logger);
    expect(recorder.waiting).toBe(0);
    for (let i = 0; i < 6; i++) recorder.record(workflow('w'), running(i));
    expect(recorder.waiting).toBe(6);
    await Promise.resolve();
    expect(recorder.waiting).toBe(6);
    release();
    await recorder.flush();
    expect(recorder.waiting).toBe(0);
  });

  it('records an Event anew when the one it would patch has gone', async () => {
    const recorder = new EventRecorder(store, logger);
    recorder.record(workflow('gone'), running(1));
    await recorder.flush();
    const [first] = await events('gone');
    await store.delete('events', 'gone', first!.metadata.name ?? '');
    recorder.record(workflow('gone'), running(1));
    await recorder.flush();
    expect((await events('gone')).map((e) => [e.metadata.name, e.count])).toEqual([[first!.metadata.name, 2]]);
  });
});

describe('embedded Event retention', () => {
  it('keeps the newest Events of a namespace and none last seen over an hour ago', async () => {
    // Far ahead of the real clock: the store also prunes as it records, by the real time, and must not expire these.
    const at = (minutes: number) => new Date(Date.UTC(2099, 10, 25, 12, minutes));
    const recorder = new EventRecorder(store, logger, { clock: () => at(0) });
    for (let i = 0; i < 5; i++) recorder.record({ ...workflow('old'), metadata: { ...workflow('old').metadata, name: `wf${i}` } }, running(i));
    await recorder.flush();
    expect(await store.pruneEvents('old', at(59))).toBe(0);
    expect(await store.pruneEvents('old', at(61))).toBe(5);
    const limit = eventRetention.perNamespace;
    eventRetention.perNamespace = 3;
    try {
      for (let i = 0; i < 5; i++) recorder.record({ ...workflow('many'), metadata: { ...workflow('many').metadata, name: `wf${i}` } }, running(i));
      await recorder.flush();
      // The store also prunes as it records (every eventRetention.pruneEvery-th Event), possibly between these writes.
      await store.pruneEvents('many', at(1));
      expect((await events('many')).map((e) => e.involvedObject.name).sort()).toEqual(['wf2', 'wf3', 'wf4']);
    } finally {
      eventRetention.perNamespace = limit;
    }
  });
});
