import { describe, expect, it } from 'vitest';
import { checkArtifactLocation, checkArtifactPath } from './check-artifact';

describe('checkArtifactPath', () => {
  it('requires a path', () => {
    expect(checkArtifactPath({ name: 'a' })).toBe("artifact 'a' did not specify a path");
  });

  it('accepts ordinary paths, even with ~ or .. that stays inside', () => {
    expect(checkArtifactPath({ name: 'a', path: '/tmp/out.txt' })).toBeUndefined();
    expect(checkArtifactPath({ name: 'a', path: '~/.cache/go-build' })).toBeUndefined();
    expect(checkArtifactPath({ name: 'a', path: '/tmp/safe/../safe/x' })).toBeUndefined();
  });

  it('rejects directory traversal', () => {
    expect(checkArtifactPath({ name: 'a', path: '/tmp/safe/../../etc' })).toMatch(/Directory traversal is not permitted$/);
    expect(checkArtifactPath({ name: 'a', path: '/tmp/safe/..' })).toMatch(/Directory traversal/);
  });
});

describe('checkArtifactLocation', () => {
  it('requires a git repo and complete HDFS settings', () => {
    expect(checkArtifactLocation({ git: { repo: '' } })).toEqual({ field: 'git.repo', message: 'git.repo is required' });
    expect(checkArtifactLocation({ hdfs: { addresses: ['a:1'], path: 'rel', hdfsUser: 'u' } })).toEqual({
      field: 'hdfs.path',
      message: 'hdfs.path must be an absolute file path',
    });
    expect(checkArtifactLocation({ hdfs: { addresses: ['a:1'], path: '/x', hdfsUser: 'u' } })).toBeUndefined();
  });
});
