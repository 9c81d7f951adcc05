import { describe, expect, it } from 'vitest';
import { combinedPrefix, EventCorrelator } from './event-correlator';
import { toKubeEvent, type EventReport } from './kube-event';
import type { KubeObject } from './object';

const workflow: KubeObject = { apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name: 'wf', namespace: 'argo', uid: 'u1' } };
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 25, 12, 0, 0) + seconds * 1000);
const running = (node: string): EventReport => ({ type: 'Normal', reason: 'WorkflowNodeRunning', message: `Running node ${node}`, annotations: { 'workflows.argoproj.io/node-name': node } });
const correlate = (correlator: EventCorrelator, report: EventReport, seconds: number) => correlator.correlate(toKubeEvent(workflow, report, at(seconds)), at(seconds));

describe('EventCorrelator', () => {
  it('creates an Event the first time and patches its count and lastTimestamp when the same one comes again', () => {
    const correlator = new EventCorrelator();
    const first = correlate(correlator, running('a'), 0);
    expect(first).toMatchObject({ kind: 'create', event: { count: 1, message: 'Running node a', metadata: { annotations: { 'workflows.argoproj.io/node-name': 'a' } } } });
    const again = correlate(correlator, running('a'), 5);
    expect(again).toMatchObject({ kind: 'patch', patch: { count: 2, lastTimestamp: '2026-11-25T12:00:05Z', message: 'Running node a' } });
    expect(again.event.metadata.name).toBe(first.event.metadata.name);
    expect(again.event).toMatchObject({ firstTimestamp: '2026-11-25T12:00:00Z', lastTimestamp: '2026-11-25T12:00:05Z', count: 2 });
  });

  it('names Events created in one millisecond apart', () => {
    const correlator = new EventCorrelator();
    const a = correlate(correlator, running('a'), 0);
    const b = correlate(correlator, { ...running('b'), reason: 'WorkflowNodeSucceeded' }, 0);
    expect(a.event.metadata.name).toMatch(/^wf\.[0-9a-f]+$/);
    expect(b.event.metadata.name).not.toBe(a.event.metadata.name);
  });

  it('combines the 10th and later distinct messages of one reason into one Event whose count is patched after', () => {
    const correlator = new EventCorrelator();
    const writes = Array.from({ length: 2000 }, (_, i) => correlate(correlator, running(`n${i}`), i / 1000));
    expect(writes.slice(0, 9).every((w) => w.kind === 'create' && !w.event.message?.startsWith(combinedPrefix))).toBe(true);
    const combined = writes[9]!;
    expect(combined).toMatchObject({ kind: 'create', event: { message: `${combinedPrefix}Running node n9`, count: 1, reason: 'WorkflowNodeRunning', type: 'Normal' } });
    expect(combined.event.metadata.annotations).toBeUndefined();
    expect(writes.filter((w) => w.kind === 'create')).toHaveLength(10);
    expect(writes.at(-1)).toMatchObject({ kind: 'patch', patch: { count: 1991, message: `${combinedPrefix}Running node n1999` } });
    expect(writes.at(-1)!.event.metadata.name).toBe(combined.event.metadata.name);
  });

  it('keeps reasons, types and objects apart', () => {
    const correlator = new EventCorrelator();
    for (let i = 0; i < 9; i++) correlate(correlator, running(`n${i}`), 0);
    expect(correlate(correlator, { type: 'Normal', reason: 'WorkflowNodeSucceeded', message: 'Succeeded node n0' }, 0).kind).toBe('create');
    const other = { ...workflow, metadata: { ...workflow.metadata, name: 'other', uid: 'u2' } };
    expect(correlator.correlate(toKubeEvent(other, running('n9'), at(0)), at(0)).event.message).toBe('Running node n9');
    expect(correlate(correlator, running('n9'), 0).event.message).toBe(`${combinedPrefix}Running node n9`);
  });

  it('forgets an aggregate key 10 minutes after its last Event', () => {
    const correlator = new EventCorrelator();
    for (let i = 0; i < 9; i++) correlate(correlator, running(`n${i}`), i * 60);
    expect(correlate(correlator, running('late'), 8 * 60 + 601)).toMatchObject({ kind: 'create', event: { message: 'Running node late' } });
    expect(correlate(correlator, running('n9'), 8 * 60 + 602).event.message).toBe('Running node n9');
  });

  it('remembers at most cacheSize keys', () => {
    const correlator = new EventCorrelator({ maxEvents: 10, intervalMs: 600_000, cacheSize: 2 });
    correlate(correlator, running('a'), 0);
    correlate(correlator, { ...running('b'), reason: 'B' }, 0);
    correlate(correlator, { ...running('c'), reason: 'C' }, 0);
    expect(correlate(correlator, running('a'), 1).kind).toBe('create');
  });
});
