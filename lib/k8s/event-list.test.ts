import { describe, expect, it } from 'vitest';
import { applyStreamedEvent, isAboutWorkflow, type StreamedEvent } from './event-list';

const event = (uid: string, version: number, lastTimestamp: string, extra: Partial<StreamedEvent> = {}): StreamedEvent => ({
  metadata: { uid, name: `wf.${uid}`, resourceVersion: String(version) }, involvedObject: { kind: 'Workflow', name: 'wf', uid: 'w1' },
  reason: 'WorkflowNodeRunning', count: version, lastTimestamp, ...extra,
});

describe('applyStreamedEvent', () => {
  it('keeps Events in order of last sighting, a newer version replacing and moving the one held', () => {
    let list = [event('a', 1, '2026-11-25T12:00:01Z'), event('b', 1, '2026-11-25T12:00:00Z')].reduce(applyStreamedEvent, []);
    expect(list.map((e) => e.metadata.uid)).toEqual(['b', 'a']);
    list = applyStreamedEvent(list, event('b', 2, '2026-11-25T12:00:05Z'));
    expect(list.map((e) => [e.metadata.uid, e.count])).toEqual([['a', 1], ['b', 2]]);
    // An older version (the list after the watch) changes nothing.
    expect(applyStreamedEvent(list, event('b', 1, '2026-11-25T12:00:00Z'))).toBe(list);
  });

  it("tells a workflow's Events by its uid, also those about its pods", () => {
    expect(isAboutWorkflow(event('a', 1, ''), 'w1')).toBe(true);
    expect(isAboutWorkflow(event('a', 1, ''), 'w2')).toBe(false);
    const aboutPod = event('p', 1, '', { involvedObject: { kind: 'Pod', name: 'wf-1', uid: 'p1' } });
    aboutPod.metadata.annotations = { 'workflows.argoproj.io/workflow-uid': 'w2' };
    expect(isAboutWorkflow(aboutPod, 'w2')).toBe(true);
  });
});
