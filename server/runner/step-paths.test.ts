import { describe, expect, it } from 'vitest';
import { toSafeSegment, toStepPaths } from './step-paths';

describe('toStepPaths', () => {
  it('lays a step out under steps/<workflow uid>/<node id>', () => {
    const paths = toStepPaths('/data', 'uid-1', 'hello-123');
    expect(paths).toMatchObject({ dir: '/data/steps/uid-1/hello-123', status: '/data/steps/uid-1/hello-123/status.json', root: '/data/steps/uid-1/hello-123/fs' });
  });

  it('never lets an id escape its directory', () => {
    expect(toSafeSegment('../x')).toBe('..%2Fx');
    expect(toSafeSegment('..')).toBe('%2E%2E');
    expect(toSafeSegment('')).toBe('%00');
  });
});
