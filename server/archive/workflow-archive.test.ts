import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '@/lib/generated/argo';
import { parseArchiveListParams } from './archive-filter';
import { argoMigrations } from './argo-migrations';
import { pgliteSession } from './sql-session';
import { WorkflowArchive } from './workflow-archive';

// The archive's SQL on PGlite in memory: what embedded mode runs on disk (and the integration test on PostgreSQL).
let db: PGlite;
let archive: WorkflowArchive;

function archivedWorkflow(name: string, o: { ns?: string; phase?: string; started: string; finished: string; labels?: Record<string, string> }): Workflow {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Workflow',
    metadata: { name, namespace: o.ns ?? 'argo', uid: `uid-${name}`, creationTimestamp: o.started, labels: o.labels ?? {} },
    spec: { entrypoint: 'main', arguments: { parameters: [{ name: 'p', value: 'v' }] } },
    status: { phase: o.phase ?? 'Succeeded', startedAt: o.started, finishedAt: o.finished, progress: '1/1', nodes: {} },
  } as Workflow;
}

beforeAll(async () => {
  db = new PGlite();
  ({ archive } = await WorkflowArchive.open(pgliteSession(db), { clusterName: 'default', instanceId: '', tableName: 'argo_workflows' }));
  await archive.archive(archivedWorkflow('a-one', { started: '2024-01-01T10:00:00Z', finished: '2024-01-01T10:01:00Z', labels: { team: 'x', 'workflows.argoproj.io/phase': 'Succeeded', n: '5' } }));
  await archive.archive(archivedWorkflow('a-two', { phase: 'Failed', started: '2024-01-02T10:00:00Z', finished: '2024-01-02T10:01:00Z', labels: { team: 'y', 'workflows.argoproj.io/phase': 'Failed', n: '10' } }));
  await archive.archive(archivedWorkflow('b-three', { ns: 'other', started: '2024-01-03T10:00:00Z', finished: '2024-01-03T10:01:00Z', labels: { 'workflows.argoproj.io/phase': 'Succeeded' } }));
});
afterAll(() => db?.close());

const names = (wfs: Workflow[]) => wfs.map((w) => w.metadata.name);
const list = (params: Parameters<typeof parseArchiveListParams>[0]) => archive.list(parseArchiveListParams(params)).then(names);

describe('schema', () => {
  it('reaches Argo v4.1.2 schema version 68 and is idempotent', async () => {
    expect(argoMigrations('default', 'argo_workflows')).toHaveLength(69);
    const again = await WorkflowArchive.open(pgliteSession(db), { clusterName: 'default', instanceId: '', tableName: 'argo_workflows' });
    expect(again.schemaVersion).toBe(68);
    const { rows } = await db.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
    );
    expect(rows.map((r) => r.table_name)).toEqual(['argo_archived_workflows', 'argo_archived_workflows_labels', 'argo_workflows', 'schema_history']);
  });
});

describe('list', () => {
  it('orders by start time, newest first, and filters', async () => {
    expect(await list({})).toEqual(['b-three', 'a-two', 'a-one']);
    expect(await list({ namespace: 'argo' })).toEqual(['a-two', 'a-one']);
    expect(await list({ fieldSelector: 'metadata.namespace!=argo' })).toEqual(['b-three']);
    expect(await list({ namePrefix: 'a-' })).toEqual(['a-two', 'a-one']);
    expect(await list({ fieldSelector: 'metadata.name=a-two' })).toEqual(['a-two']);
    expect(await list({ fieldSelector: 'metadata.name=two', nameFilter: 'Contains' })).toEqual(['a-two']);
    expect(await list({ labelSelector: 'workflows.argoproj.io/phase=Succeeded' })).toEqual(['b-three', 'a-one']);
    expect(await list({ labelSelector: 'workflows.argoproj.io/phase in (Failed,Error)' })).toEqual(['a-two']);
    expect(await list({ labelSelector: 'team' })).toEqual(['a-two', 'a-one']);
    expect(await list({ labelSelector: '!team' })).toEqual(['b-three']);
    expect(await list({ labelSelector: 'team!=x' })).toEqual(['b-three', 'a-two']);
    expect(await list({ labelSelector: 'team notin (x),team' })).toEqual(['a-two']);
    expect(await list({ labelSelector: 'n>6' })).toEqual(['a-two']);
    expect(await list({ labelSelector: 'n<6' })).toEqual(['a-one']);
    expect(await list({ createdAfter: '2024-01-02T00:00:00Z' })).toEqual(['b-three', 'a-two']);
    expect(await list({ finishedBefore: '2024-01-02T10:01:00Z' })).toEqual(['a-two', 'a-one']);
    expect(await list({ fieldSelector: 'spec.startedAt>2024-01-01T12:00:00Z,spec.startedAt<2024-01-02T12:00:00Z' })).toEqual(['a-two']);
  });

  it('pages by limit and offset', async () => {
    expect(await list({ limit: 2 })).toEqual(['b-three', 'a-two']);
    expect(await list({ limit: 2, continue: '2' })).toEqual(['a-one']);
    expect(await archive.count(parseArchiveListParams({ namespace: 'argo' }))).toBe(2);
  });

  it('returns summaries as Argo builds them', async () => {
    const [one] = await archive.list(parseArchiveListParams({ fieldSelector: 'metadata.name=a-one' }));
    expect(one).toEqual({
      metadata: {
        name: 'a-one', namespace: 'argo', uid: 'uid-a-one', creationTimestamp: '2024-01-01T10:00:00Z',
        labels: { team: 'x', n: '5', 'workflows.argoproj.io/phase': 'Succeeded', 'workflows.argoproj.io/workflow-archiving-status': 'Persisted' },
      },
      spec: { arguments: { parameters: [{ name: 'p', value: 'v' }] } },
      status: { phase: 'Succeeded', startedAt: '2024-01-01T10:00:00Z', finishedAt: '2024-01-01T10:01:00Z', progress: '1/1' },
    });
  });
});

describe('records', () => {
  it('reads one back whole, by uid or by namespace and name', async () => {
    const wf = await archive.get({ uid: 'uid-a-two' });
    expect(wf?.spec.entrypoint).toBe('main');
    expect(wf?.metadata.labels?.['workflows.argoproj.io/workflow-archiving-status']).toBe('Persisted');
    expect((await archive.get({ namespace: 'other', name: 'b-three' }))?.metadata.uid).toBe('uid-b-three');
    expect(await archive.get({ uid: 'nope' })).toBeUndefined();
  });

  it('keeps NUL characters through jsonb', async () => {
    const wf = archivedWorkflow('nul', { started: '2023-01-01T00:00:00Z', finished: '2023-01-01T00:00:01Z' });
    wf.status!.message = 'a\u0000b';
    await archive.archive(wf);
    expect((await archive.get({ uid: 'uid-nul' }))?.status?.message).toBe('a\u0000b');
    await archive.delete('uid-nul');
  });

  it('lists distinct label keys and values', async () => {
    expect((await archive.labelKeys()).sort()).toEqual(['n', 'team', 'workflows.argoproj.io/phase', 'workflows.argoproj.io/workflow-archiving-status']);
    expect((await archive.labelValues('team')).sort()).toEqual(['x', 'y']);
  });

  it('replaces a record on re-archiving and deletes it with its labels', async () => {
    const wf = archivedWorkflow('gone', { started: '2023-01-01T00:00:00Z', finished: '2023-01-01T00:00:01Z', labels: { tmp: '1' } });
    await archive.archive(wf);
    await archive.archive({ ...wf, metadata: { ...wf.metadata, labels: { tmp: '2' } } });
    expect(await archive.labelValues('tmp')).toEqual(['2']);
    await archive.delete('uid-gone');
    expect(await archive.get({ uid: 'uid-gone' })).toBeUndefined();
    expect(await archive.labelValues('tmp')).toEqual([]);
  });

  it('writes several in one call, replacing their older records, the later of two with the same uid', async () => {
    const one = archivedWorkflow('many-1', { started: '2023-02-01T00:00:00Z', finished: '2023-02-01T00:00:01Z', labels: { batch: 'old' } });
    const two = archivedWorkflow('many-2', { phase: 'Failed', started: '2023-02-02T00:00:00Z', finished: '2023-02-02T00:00:01Z', labels: { batch: 'b' } });
    await archive.archive(one);
    await archive.archiveMany([{ ...one, metadata: { ...one.metadata, labels: { batch: 'first' } } }, two, { ...one, metadata: { ...one.metadata, labels: { batch: 'a' } } }]);
    expect((await archive.get({ uid: 'uid-many-1' }))?.metadata.labels?.batch).toBe('a');
    expect((await archive.get({ uid: 'uid-many-2' }))?.status?.phase).toBe('Failed');
    expect((await archive.labelValues('batch')).sort()).toEqual(['a', 'b']);
    await archive.archiveMany([]);
    await archive.delete('uid-many-1');
    await archive.delete('uid-many-2');
  });

  it('writes quotes and backslashes as they are, and all of a batch or none of it', async () => {
    const tricky = archivedWorkflow("it's", { started: '2023-03-01T00:00:00Z', finished: '2023-03-01T00:00:01Z', labels: { quote: "a'b\\c" } });
    tricky.status = { ...tricky.status, message: 'say "hi" \\ back\nslash; drop table x; --' };
    await archive.archiveMany([tricky]);
    const read = await archive.get({ uid: "uid-it's" });
    expect(read?.status?.message).toBe(tricky.status.message);
    expect(await archive.labelValues('quote')).toEqual(["a'b\\c"]);
    const fine = archivedWorkflow('batch-ok', { started: '2023-03-02T00:00:00Z', finished: '2023-03-02T00:00:01Z' });
    const bad = archivedWorkflow('batch-bad', { started: 'not a time', finished: '2023-03-02T00:00:01Z' });
    await expect(archive.archiveMany([fine, bad])).rejects.toThrow();
    expect(await archive.get({ uid: 'uid-batch-ok' })).toBeUndefined();
    await archive.delete("uid-it's");
  });

  it('expires records older than the TTL', async () => {
    await archive.archive(archivedWorkflow('old', { started: '2000-01-01T00:00:00Z', finished: '2000-01-01T00:00:01Z' }));
    expect(await archive.deleteExpired(365 * 24 * 3600 * 10)).toBe(1);
    expect(await archive.get({ uid: 'uid-old' })).toBeUndefined();
  });
});
