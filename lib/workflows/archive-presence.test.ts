import { describe, expect, it } from 'vitest';
import { archivedCopies, archivedCopyUid } from './archive-presence';

const wf = (name: string, status?: string): { metadata: { name: string; uid: string; labels: Record<string, string> } } => ({
  metadata: { name, uid: `uid-${name}`, labels: status ? { 'workflows.argoproj.io/workflow-archiving-status': status } : {} },
});

describe('archived copies', () => {
  it('reads Argo’s archiving label: Archived (live and archived) and Persisted (read from the archive)', () => {
    expect(archivedCopyUid(wf('a'))).toBeUndefined();
    expect(archivedCopyUid(wf('b', 'Pending'))).toBeUndefined();
    expect(archivedCopyUid(wf('c', 'Archived'))).toBe('uid-c');
    expect(archivedCopyUid(wf('d', 'Persisted'))).toBe('uid-d');
    expect(archivedCopies([wf('a'), wf('c', 'Archived'), wf('d', 'Persisted')])).toEqual({ c: 'uid-c', d: 'uid-d' });
  });
});
