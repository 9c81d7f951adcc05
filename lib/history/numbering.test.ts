import { describe, expect, it } from 'vitest';
import { compareForNumbering, decideNumbering } from './numbering';

describe('compareForNumbering', () => {
  it('orders by start, then creation, then name; unstarted by creation; unknown times last', () => {
    const builds = [
      { uid: 'e', name: 'e' },
      { uid: 'c', name: 'c', creationTimestamp: '2026-01-01T00:00:03Z' },
      { uid: 'b', name: 'b', startedAt: '2026-01-01T00:00:02Z', creationTimestamp: '2026-01-01T00:00:00Z' },
      { uid: 'a', name: 'a', startedAt: '2026-01-01T00:00:01Z', creationTimestamp: '2026-01-01T00:00:09Z' },
      { uid: 'd', name: 'd', startedAt: '1970-01-01T00:00:00Z', creationTimestamp: '2026-01-01T00:00:04Z' },
      { uid: 'a2', name: 'a2', startedAt: '2026-01-01T00:00:01Z', creationTimestamp: '2026-01-01T00:00:09Z' },
    ];
    expect(builds.sort(compareForNumbering).map((b) => b.uid)).toEqual(['a', 'a2', 'b', 'c', 'd', 'e']);
  });
});

describe('decideNumbering', () => {
  const wf = (uid: string, number?: string) => ({ metadata: { uid, labels: (number ? { 'capstan.io/build-number': number } : {}) as Record<string, string> } });
  it('assigns a number to an unlabelled workflow', () => {
    expect(decideNumbering(wf('u'), undefined)).toEqual({ type: 'assign' });
  });
  it('keeps a label nobody else holds, or that it holds itself', () => {
    expect(decideNumbering(wf('u', '5'), undefined)).toEqual({ type: 'keep', number: 5 });
    expect(decideNumbering(wf('u', '5'), { uid: 'u' })).toEqual({ type: 'keep', number: 5 });
  });
  it('renumbers a copy of another build (retry of an archived one, resubmit)', () => {
    expect(decideNumbering(wf('v', '5'), { uid: 'u' })).toEqual({ type: 'assign', copyOf: 5 });
  });
});
