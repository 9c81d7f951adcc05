import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { KubeObject } from '@/lib/k8s/object';
import { testBed } from '../testing/test-bed';
import { SqlResourceStore } from './sql-resource-store';

// The embedded store's SQL on a real PostgreSQL server: the same statements PGlite runs.
let pool: pg.Pool;
let store: SqlResourceStore;
const schema = `capstan_it_${Date.now()}`;

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: testBed().pgUrl() });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  pool = new pg.Pool({ connectionString: testBed().pgUrl(), max: 2, options: `-c search_path=${schema}` });
  store = await SqlResourceStore.open({ query: (sql, params) => pool.query(sql, params) as never });
});
afterAll(async () => {
  await pool?.query(`DROP SCHEMA ${schema} CASCADE`);
  await pool?.end();
});

it('keeps resources in PostgreSQL with increasing resourceVersions', async () => {
  const version = await pool.query<{ v: string }>("SELECT current_setting('server_version') AS v");
  expect(version.rows[0]!.v).toMatch(/^\d+/);
  const a = await store.create<KubeObject>('workflowtemplates', 'argo', { metadata: { name: 'a' }, spec: { entrypoint: 'x' } });
  const b = await store.create<KubeObject>('workflowtemplates', 'argo', { metadata: { name: 'b' } });
  expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
  const listed = await store.list('workflowtemplates', 'argo');
  expect(listed.items.map((i) => i.metadata.name)).toEqual(['a', 'b']);
  expect(Number(listed.resourceVersion)).toBeGreaterThanOrEqual(Number(b.metadata.resourceVersion));
  await expect(store.update('workflowtemplates', 'argo', { ...a, spec: {} })).resolves.toBeDefined();
  await expect(store.update('workflowtemplates', 'argo', a)).rejects.toMatchObject({ code: 10 });
});
