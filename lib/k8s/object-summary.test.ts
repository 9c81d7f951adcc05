import { describe, expect, it } from 'vitest';
import { summarizeObject } from './object-summary';

describe('summarizeObject', () => {
  it('keeps the identifying metadata, labels and status times, and copies rather than shares objects', () => {
    const labels = { team: 'a' };
    const object = {
      metadata: { name: 'w', namespace: 'ns', uid: 'u', resourceVersion: '7', creationTimestamp: '2026-01-01T00:00:00Z', labels, annotations: { a: 'b' } },
      spec: { entrypoint: 'main' },
      status: { phase: 'Running', startedAt: '2026-01-01T00:00:01Z', nodes: {} },
    };
    const summary = summarizeObject(object);
    expect(summary).toEqual({
      metadata: { name: 'w', namespace: 'ns', uid: 'u', resourceVersion: '7', creationTimestamp: '2026-01-01T00:00:00Z', labels: { team: 'a' } },
      status: { phase: 'Running', startedAt: '2026-01-01T00:00:01Z', finishedAt: undefined },
    });
    expect(summary.metadata.labels).not.toBe(labels);
  });

  it('has no status for an object without one', () => {
    expect(summarizeObject({ metadata: { name: 'c' } })).toEqual({ metadata: { name: 'c', namespace: undefined, uid: undefined, resourceVersion: undefined, creationTimestamp: undefined } });
  });
});
