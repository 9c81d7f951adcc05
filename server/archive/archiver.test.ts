import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { workflowLabels } from '@/lib/workflows/workflow-labels';
import type { SqlResourceStore } from '../cluster/sql-resource-store';
import { createLogger } from '../logger';
import { openMemoryStore } from '../testing/memory-store';
import { Archiver } from './archiver';
import { pgliteSession } from './sql-session';
import { WorkflowArchive } from './workflow-archive';

// The archiver on an in-memory archive and resource store: what the controller calls before and after the save
// that completes a workflow.
let db: PGlite;
let archive: WorkflowArchive;
let store: SqlResourceStore;
const logger = createLogger('silent');

beforeAll(async () => {
  db = new PGlite();
  ({ archive } = await WorkflowArchive.open(pgliteSession(db), { clusterName: 'default', instanceId: '', tableName: 'argo_workflows' }));
  store = await openMemoryStore();
});
afterAll(async () => {
  await store?.close();
  await db?.close();
});

/** A workflow as the controller is about to save it completed (already created in the store, Running). */
async function completing(name: string, labels: Record<string, string> = {}): Promise<Workflow & KubeObject> {
  const created = await store.create<Workflow & KubeObject>('workflows', 'argo', {
    apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name, namespace: 'argo', labels },
    spec: { entrypoint: 'main' }, status: { phase: 'Running' },
  } as Workflow & KubeObject);
  return {
    ...created,
    metadata: { ...created.metadata, labels: { ...labels, [workflowLabels.completed]: 'true', [workflowLabels.phase]: 'Succeeded' } },
    status: { phase: 'Succeeded', startedAt: '2026-11-25T07:00:00Z', finishedAt: '2026-11-25T07:00:01Z', nodes: {} },
  };
}

const archiverWith = (options: Partial<ConstructorParameters<typeof Archiver>[3]> = {}, into: WorkflowArchive = archive) =>
  new Archiver(into, store, logger, { selector: [], ttlSeconds: 0, sweepUnlabelled: false, ...options });

describe('archiving before the completing save', () => {
  it('writes the record first, so the save labels it Archived and nothing is written after it', async () => {
    const archiver = archiverWith();
    const wf = await completing('before-save');
    expect(await archiver.beforeCompletedSave(wf)).toBe('Archived');
    const record = await archive.get({ uid: wf.metadata.uid! });
    expect(record?.status?.phase).toBe('Succeeded');
    // Argo's records carry `Persisted`, whatever the live workflow's label.
    expect(record?.metadata.labels?.[workflowLabels.archivingStatus]).toBe('Persisted');
    const saved = await store.update('workflows', 'argo', { ...wf, metadata: { ...wf.metadata, labels: { ...wf.metadata.labels, [workflowLabels.archivingStatus]: 'Archived' } } });
    const update = vi.spyOn(store, 'update');
    archiver.onCompleted(saved);
    await new Promise((r) => setTimeout(r, 50));
    expect(update).not.toHaveBeenCalled();
    update.mockRestore();
  });

  it('writes a completion saved again (after a failed save) over the first record: one record per uid', async () => {
    const archiver = archiverWith();
    const wf = await completing('saved-twice');
    await archiver.beforeCompletedSave(wf);
    await archiver.beforeCompletedSave({ ...wf, status: { ...wf.status, phase: 'Failed' } });
    const records = await archive.list({ limit: 0, offset: 0, showRemainingItemCount: false, namespace: 'argo', name: 'saved-twice' });
    expect(records.map((w) => w.status?.phase)).toEqual(['Failed']);
  });

  it('writes the workflows that complete together in one transaction after another, not one each', async () => {
    const archiver = archiverWith();
    const workflows = await Promise.all(Array.from({ length: 12 }, (_, i) => completing(`together-${i}`, { n: String(i) })));
    const writes = vi.spyOn(archive, 'archiveMany');
    const statuses = await Promise.all(workflows.map((wf) => archiver.beforeCompletedSave(wf)));
    expect(statuses).toEqual(workflows.map(() => 'Archived'));
    // The first is written alone; the eleven that arrived meanwhile go together in the next transaction.
    expect(writes.mock.calls.map(([batch]) => batch.length)).toEqual([1, 11]);
    writes.mockRestore();
    for (const wf of workflows) {
      const record = await archive.get({ uid: wf.metadata.uid! });
      expect(record?.metadata.labels?.n).toBe(wf.metadata.labels?.n);
    }
    expect(await archive.labelValues('n')).toEqual(expect.arrayContaining(workflows.map((_, i) => String(i))));
  });

  it('leaves out workflows outside the label selector, and everything while archiving is off', async () => {
    const selected = archiverWith({ selector: [{ key: 'archive', operator: '=', values: ['yes'] }] });
    const outside = await completing('outside-selector', { archive: 'no' });
    expect(await selected.beforeCompletedSave(outside)).toBeUndefined();
    expect(await archive.get({ uid: outside.metadata.uid! })).toBeUndefined();
    const off = await completing('archiving-off');
    expect(await archiverWith({ enabled: false }).beforeCompletedSave(off)).toBeUndefined();
    expect(await archive.get({ uid: off.metadata.uid! })).toBeUndefined();
  });

  it('marks the workflow Pending when the write fails, and the archiver archives and labels it once it is saved', async () => {
    const failing = Object.create(archive) as WorkflowArchive;
    failing.archiveMany = () => Promise.reject(new Error('database down'));
    const wf = await completing('write-failed');
    expect(await archiverWith({}, failing).beforeCompletedSave(wf)).toBe('Pending');
    const saved = await store.update('workflows', 'argo', { ...wf, metadata: { ...wf.metadata, labels: { ...wf.metadata.labels, [workflowLabels.archivingStatus]: 'Pending' } } });
    // The database is back: the hook after the save archives it (as would the sweep after a restart).
    archiverWith().onCompleted(saved);
    const labelled = await vi.waitFor(async () => {
      const current = await store.get<Workflow & KubeObject>('workflows', 'argo', 'write-failed');
      expect(current.metadata.labels?.[workflowLabels.archivingStatus]).toBe('Archived');
      return current;
    });
    expect(labelled.metadata.uid).toBe(wf.metadata.uid);
    expect((await archive.get({ uid: wf.metadata.uid! }))?.status?.phase).toBe('Succeeded');
  });
});
