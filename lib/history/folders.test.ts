import { describe, expect, it } from 'vitest';
import { folderTree, isInFolder, normaliseFolder } from './folders';

describe('folders', () => {
  it('normalises annotation text', () => {
    expect(normaliseFolder(' /team-a//backend/ ')).toBe('team-a/backend');
    expect(normaliseFolder(undefined)).toBe('');
  });
  it('matches a folder and its sub-folders, not look-alikes', () => {
    expect(isInFolder('team-a/backend', 'team-a')).toBe(true);
    expect(isInFolder('team-ab', 'team-a')).toBe(false);
    expect(isInFolder('x', '')).toBe(true);
  });
  it('builds a sorted tree with recursive job counts', () => {
    expect(folderTree(['team-b', 'team-a/backend', 'team-a/backend', 'team-a', ''])).toEqual([
      { name: 'team-a', path: 'team-a', jobCount: 3, children: [{ name: 'backend', path: 'team-a/backend', jobCount: 2, children: [] }] },
      { name: 'team-b', path: 'team-b', jobCount: 1, children: [] },
    ]);
  });
});
