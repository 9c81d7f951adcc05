import { describe, expect, it } from 'vitest';
import { describeJob, normaliseFolder } from './job-annotations';

describe('describeJob', () => {
  it('reads the title, description and folder annotations', () => {
    expect(describeJob({
      name: 'ci',
      annotations: { 'workflows.argoproj.io/title': 'CI', 'workflows.argoproj.io/description': 'Builds\n', 'capstan.io/folder': 'team-a/backend' },
    })).toEqual({ title: 'CI', description: 'Builds', folder: 'team-a/backend' });
  });

  it('falls back to the name, no description and the root folder', () => {
    expect(describeJob({ name: 'ci' })).toEqual({ title: 'ci', description: '', folder: '' });
  });
});

describe('normaliseFolder', () => {
  it('drops empty and padded segments', () => {
    expect(normaliseFolder(' /team-a// backend /')).toBe('team-a/backend');
    expect(normaliseFolder(undefined)).toBe('');
  });
});
