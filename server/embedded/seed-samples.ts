import { readdir, readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { KubeObject } from '@/lib/k8s/object';
import type { ClusterPort } from '../cluster/cluster-port';
import type { SqlClient } from '../cluster/sql-client';
import { serverFile } from '../server-files';

const samplesDir = serverFile('samples/');

/**
 * Creates the sample WorkflowTemplates once, on the first start, so a newcomer can submit at once.
 * A marker row remembers that it happened: samples a user deleted do not come back.
 */
export async function seedSamples(sql: SqlClient, cluster: ClusterPort, namespace: string): Promise<string[]> {
  await sql.query('CREATE TABLE IF NOT EXISTS capstan_meta (key text PRIMARY KEY, value text NOT NULL)');
  const { rows } = await sql.query(
    "INSERT INTO capstan_meta (key, value) VALUES ('samples_seeded', now()::text) ON CONFLICT DO NOTHING RETURNING key",
  );
  if (rows.length === 0) return [];
  const created: string[] = [];
  for (const file of (await readdir(samplesDir)).filter((f) => f.endsWith('.yaml')).sort()) {
    const template = parse(await readFile(new URL(file, samplesDir), 'utf8')) as KubeObject;
    await cluster.create('workflowtemplates', namespace, template);
    created.push(template.metadata.name ?? file);
  }
  return created;
}
