import { describe, expect, it } from 'vitest';
import { matchesFieldSelector } from './kube-event';

describe('matchesFieldSelector', () => {
  const event = { reason: 'ArtifactGCFailed', involvedObject: { kind: 'Workflow', name: 'w' } };
  it.each([
    ['', true],
    ['involvedObject.kind=Workflow,involvedObject.name=w', true],
    ['involvedObject.name==w', true],
    ['involvedObject.name=x', false],
    ['reason!=ArtifactGCFailed', false],
    ['involvedObject.uid=', true],
    ['involvedObject.uid!=', false],
    ['nonsense', false],
  ])('%s → %s', (selector, expected) => {
    expect(matchesFieldSelector(event, selector)).toBe(expected);
  });
});
