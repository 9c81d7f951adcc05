import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';

// Argo's dag-custom-metrics.yaml runs in embedded mode; its template and workflow metrics appear on /metrics under
// Argo's names.
let capstan: CapstanProcess;
beforeAll(async () => {
  capstan = await startCapstan(['--no-samples']);
});
afterAll(() => capstan?.stop());

it("exposes dag-custom-metrics.yaml's metrics on /metrics once it has run", async () => {
  const workflow = parse(readFileSync(join(process.cwd(), '..', 'shared', 'argo', 'examples', 'dag-custom-metrics.yaml'), 'utf8'));
  const created = await fetch(`${capstan.url}/api/v1/workflows/argo`, { method: 'POST', body: JSON.stringify({ workflow }) });
  expect(created.status).toBe(200);
  const name = (await created.json()).metadata.name as string;
  await expect.poll(async () => (await (await fetch(`${capstan.url}/api/v1/workflows/argo/${name}`)).json()).status?.phase, { timeout: 60_000, interval: 500 })
    .toBe('Succeeded');
  const text = await (await fetch(`${capstan.url}/metrics`)).text();
  for (const tag of ['TEST-ONE-A', 'TEST-ONE-B', 'TEST-TWO-A', 'TEST-TWO-B']) {
    expect(text).toContain(`argo_workflows_playground_workflow_result_task_counter{playground_task_name_counter="${tag}",status="Succeeded"} 1`);
    expect(text).toMatch(new RegExp(`argo_workflows_playground_workflow_duration_task_seconds\\{playground_task_name="${tag}",status="Succeeded"\\} [0-9.]+`));
  }
  expect(text).toContain('argo_workflows_playground_workflow_result_counter{playground_id_workflow_counter="test",status="Succeeded"} 1');
  expect(text).toMatch(/argo_workflows_playground_workflow_duration\{playground_id_workflow="test",status="Succeeded"\} [0-9.]+/);
});
