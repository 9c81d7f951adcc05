import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { NodeStatus, Workflow } from '@/lib/generated/argo';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';

// Memoization in embedded mode: the cache ConfigMap lives in the embedded store, so a second run with the same key
// takes the first run's outputs without running, also after a restart.
const dataDir = mkdtempSync(join(tmpdir(), 'capstan-memo-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const workflow = (key: string) => ({
  metadata: { generateName: 'memo-' },
  spec: {
    entrypoint: 'main',
    arguments: { parameters: [{ name: 'key', value: key }] },
    templates: [
      { name: 'main', steps: [[{ name: 'a', template: 'random', arguments: { parameters: [{ name: 'key', value: '{{workflow.parameters.key}}' }] } }]] },
      {
        name: 'random',
        inputs: { parameters: [{ name: 'key' }] },
        memoize: { key: 'random-{{inputs.parameters.key}}', maxAge: '1h', cache: { configMap: { name: 'memo-test' } } },
        script: { image: 'busybox', command: ['sh'], source: 'od -An -N8 -tx8 /dev/urandom | tr -d " " > /tmp/value' },
        outputs: { parameters: [{ name: 'value', valueFrom: { path: '/tmp/value' } }] },
      },
    ],
  },
});

async function run(capstan: CapstanProcess, key: string): Promise<NodeStatus> {
  const created = await fetch(`${capstan.url}/api/v1/workflows/argo`, { method: 'POST', body: JSON.stringify({ workflow: workflow(key) }) });
  expect(created.status).toBe(200);
  const name = (await created.json()).metadata.name as string;
  let done: Workflow | undefined;
  await expect.poll(async () => {
    done = await (await fetch(`${capstan.url}/api/v1/workflows/argo/${name}`)).json();
    return done?.status?.phase;
  }, { timeout: 60_000, interval: 500 }).toBe('Succeeded');
  return Object.values(done!.status!.nodes!).find((n) => n.displayName === 'a')!;
}

const valueOf = (node: NodeStatus) => node.outputs?.parameters?.find((p) => p.name === 'value')?.value;

it('runs a memoized step once per key and reuses its outputs, across a restart', async () => {
  let first: NodeStatus;
  const capstan = await startCapstan(['--no-samples'], {}, { dataDir, keepData: true });
  try {
    first = await run(capstan, 'x');
    expect(first.memoizationStatus).toEqual({ hit: false, key: 'random-x', cacheName: 'memo-test' });
    expect(valueOf(first)).toMatch(/^[0-9a-f]{16}$/);
    const second = await run(capstan, 'x');
    expect(second).toMatchObject({ type: 'Pod', phase: 'Succeeded', memoizationStatus: { hit: true, key: 'random-x', cacheName: 'memo-test' } });
    expect(valueOf(second)).toBe(valueOf(first));
    const other = await run(capstan, 'y');
    expect(other.memoizationStatus?.hit).toBe(false);
    expect(valueOf(other)).not.toBe(valueOf(first));
  } finally {
    await capstan.stop();
  }
  const restarted = await startCapstan(['--no-samples'], {}, { dataDir, keepData: true });
  try {
    const again = await run(restarted, 'x');
    expect(again.memoizationStatus?.hit).toBe(true);
    expect(valueOf(again)).toBe(valueOf(first));
  } finally {
    await restarted.stop();
  }
});
