import { describe, expect, it } from 'vitest';
import { compileViewFilter } from './view-filter';

const job = { namespace: 'argo', name: 'api-build', folder: 'team-a/backend', labels: { tier: 'be' }, description: 'Builds the API', lastPhase: 'Failed' };

describe('compileViewFilter', () => {
  it('matches every field that is set', () => {
    expect(compileViewFilter({})(job)).toBe(true);
    expect(compileViewFilter({ folder: 'team-a', namespace: 'argo', labels: 'tier=be', nameRegex: '^api-', lastStatus: ['Failed'], search: 'the api' })(job)).toBe(true);
    expect(compileViewFilter({ folder: 'team-b' })(job)).toBe(false);
    expect(compileViewFilter({ lastStatus: ['None'] })({ ...job, lastPhase: undefined })).toBe(true);
    expect(compileViewFilter({ labels: 'tier!=be' })(job)).toBe(false);
  });
  it('answers 400 for bad regexes and selectors', () => {
    expect(() => compileViewFilter({ nameRegex: '(' })).toThrow(/nameRegex/);
    expect(() => compileViewFilter({ labels: 'a in b' })).toThrow(/labels/);
  });
});
