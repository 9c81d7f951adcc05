import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { workflowLabels } from '@/lib/workflows/workflow-labels';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';
import { type KubeModeCapstan, kubeModeFlags, startKubeMode } from '../testing/kube-mode';
import { testBed } from '../testing/test-bed';
import { untilWith } from '../testing/until';
import { killSchedule } from '../testing/kill-schedule';

// Kubernetes mode archives a completing workflow before the save that completes it and labels it Archived
// (server/archive/archiver.ts). Killed (SIGKILL) at random points while 100 workflows run and restarted each time,
// Capstan must still leave every workflow archived exactly once with its final state, and labelled Archived.
const bed = testBed();
const database = `archive_restart_${Date.now()}`;
const databaseUrl = () => {
  const url = new URL(bed.pgUrl());
  url.pathname = `/${database}`;
  return url.toString();
};
const env = () => ({ KUBECONFIG: bed.kubeconfig(), CAPSTAN_ARCHIVE_URL: databaseUrl(), LEADER_ELECTION_IDENTITY: 'capstan-archive-restart' });
let kube: KubeModeCapstan;
let capstan: CapstanProcess;
let admin: pg.Client;
const until = untilWith({ timeoutMs: 180_000, intervalMs: 500, output: () => capstan?.output() });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const onePod = (name: string): KubeObject => ({
  apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow', metadata: { name, labels: { team: 'restart' } },
  spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox', command: ['echo', 'hi'] } }] },
} as unknown as KubeObject);

beforeAll(async () => {
  admin = new pg.Client({ connectionString: bed.pgUrl() });
  await admin.connect();
  await admin.query(`create database ${database}`);
  kube = await startKubeMode('arch-restart', { env: env() });
  capstan = kube.capstan;
});
afterAll(async () => {
  await capstan?.stop();
  await kube?.stop();
  await admin?.query(`drop database if exists ${database} with (force)`).catch(() => {});
  await admin?.end();
});

describe('archiving across restarts', () => {
  it('archives every workflow exactly once, labelled Archived, when Capstan is killed at random points', async () => {
    const { random } = killSchedule();
    const names = Array.from({ length: 100 }, (_, i) => `wf-${i}`);
    const creating = (async () => {
      for (let i = 0; i < names.length; i += 10) await Promise.all(names.slice(i, i + 10).map((n) => kube.cluster.create('workflows', kube.namespace, onePod(n))));
    })();
    for (let kill = 0; kill < 2; kill++) {
      await sleep(1000 + random() * 3000);
      await capstan.kill();
      capstan = await startCapstan(kubeModeFlags(kube.namespace), env());
    }
    await creating;
    const live = await until('all 100 workflows finished and labelled Archived',
      async () => (await kube.cluster.list<Workflow & KubeObject>('workflows', kube.namespace).catch(() => ({ items: [] }))).items,
      (items) => items.length === names.length && items.every((w) => w.metadata.labels?.[workflowLabels.archivingStatus] === 'Archived'));
    expect(live.filter((w) => w.status?.phase !== 'Succeeded').map((w) => w.metadata.name)).toEqual([]);
    const db = new pg.Client({ connectionString: databaseUrl() });
    await db.connect();
    try {
      const { rows } = await db.query<{ uid: string; name: string; phase: string; nodes: number }>(
        `select uid, name, phase, jsonb_array_length(jsonb_path_query_array(workflow, '$.status.nodes.*')) as nodes
         from argo_archived_workflows where namespace = $1 order by name`, [kube.namespace]);
      // One record per workflow (the table's key is the uid, so never two), each with the final state that was saved.
      expect(rows.map((r) => r.uid).sort()).toEqual(live.map((w) => w.metadata.uid).sort());
      expect(rows.filter((r) => r.phase !== 'Succeeded' || r.nodes !== 1)).toEqual([]);
      const labels = await db.query<{ count: string }>(
        `select count(distinct uid) as count from argo_archived_workflows_labels where name = 'team' and value = 'restart'`);
      expect(Number(labels.rows[0]!.count)).toBe(names.length);
    } finally {
      await db.end();
    }
  }, 600_000);
});
