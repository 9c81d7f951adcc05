import { type APIRequestContext, expect, test } from '@playwright/test';

const workflow = (prefix: string, team: string, exit: number) => ({
  metadata: { generateName: `${prefix}-`, labels: { team } },
  spec: { entrypoint: 'main', templates: [{ name: 'main', script: { image: 'alpine', command: ['sh'], source: `exit ${exit}` } }] },
});

test('the list filters by phase and label, keeps the filters in the URL across a reload, and updates live', async ({ page, request }) => {
  const names: Record<string, string> = {};
  for (const [key, wf] of Object.entries({ failA: workflow('list-fail', 'alpha', 1), okA: workflow('list-ok', 'alpha', 0), failB: workflow('list-fail', 'beta', 1) })) {
    const created = await request.post('/api/v1/workflows/argo', { data: { workflow: wf } });
    expect(created.ok(), await created.text()).toBe(true);
    names[key] = (await created.json()).metadata.name;
  }
  await page.goto('/workflows/argo');
  const table = page.getByRole('table', { name: 'Workflows' });
  const row = (name: string) => table.getByRole('row').filter({ hasText: name });
  // Live: the rows reach their final phase without a reload.
  await expect(row(names.failA!).getByText('Failed')).toBeVisible({ timeout: 90_000 });
  await expect(row(names.okA!).getByText('Succeeded')).toBeVisible({ timeout: 90_000 });
  await expect(row(names.failB!).getByText('Failed')).toBeVisible({ timeout: 90_000 });

  await page.getByRole('button', { name: 'Failed', exact: true }).click();
  await expect(page).toHaveURL(/[?&]phase=Failed/);
  await page.getByLabel('Labels').fill('team=alpha');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/label=team%3Dalpha/);
  await expect(row(names.failA!)).toBeVisible();
  await expect(row(names.okA!)).toHaveCount(0);
  await expect(row(names.failB!)).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('button', { name: 'Failed', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByLabel('Labels')).toHaveValue('team=alpha');
  await expect(row(names.failA!)).toBeVisible();
  await expect(row(names.okA!)).toHaveCount(0);
  await expect(row(names.failB!)).toHaveCount(0);
  await page.screenshot({ path: 'test-results/workflow-list-filtered.png' });

  // A new workflow that matches appears without a reload; one that does not match stays out.
  const another = await request.post('/api/v1/workflows/argo', { data: { workflow: workflow('list-late', 'alpha', 1) } });
  const late = (await another.json()).metadata.name as string;
  await expect(row(late).getByText('Failed')).toBeVisible({ timeout: 90_000 });
});

/** Waits until the controller has archived the workflow (embedded mode archives every finished workflow). */
async function archived(request: APIRequestContext, name: string) {
  await expect.poll(async () => {
    const wf = await (await request.get(`/api/v1/workflows/argo/${name}`)).json();
    return wf.metadata?.labels?.['workflows.argoproj.io/workflow-archiving-status'];
  }, { timeout: 90_000 }).toBe('Archived');
}

test('bulk delete asks once and, when asked to, deletes the archived copies too', async ({ page, request }) => {
  const names: string[] = [];
  for (let i = 0; i < 2; i++) {
    const created = await request.post('/api/v1/workflows/argo', { data: { workflow: workflow('bulk', 'gamma', 0) } });
    names.push((await created.json()).metadata.name);
  }
  for (const name of names) await archived(request, name);
  await page.goto('/workflows/argo?label=team%3Dgamma');
  const table = page.getByRole('table', { name: 'Workflows' });
  for (const name of names) await page.getByLabel(`Select ${name}`).check();
  const bar = page.getByRole('toolbar', { name: 'Actions on selected workflows' });
  await expect(bar).toContainText('2 selected');
  await bar.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('All 2 are also kept in the workflow archive.');
  await dialog.getByLabel('Also delete from the archive').check();
  await page.screenshot({ path: 'test-results/workflow-list-bulk-delete.png' });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  for (const name of names) await expect(table.getByRole('row').filter({ hasText: name })).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByText('No workflows match these filters.')).toBeVisible();
  const archive = await (await request.get('/api/v1/archived-workflows?namespace=argo&listOptions.labelSelector=team%3Dgamma')).json();
  expect(archive.items ?? []).toEqual([]);
});

test('deleting a workflow from the cluster only keeps its archived copy listed', async ({ page, request }) => {
  const created = await request.post('/api/v1/workflows/argo', { data: { workflow: workflow('keep', 'delta', 0) } });
  const name = (await created.json()).metadata.name as string;
  await archived(request, name);
  await page.goto(`/workflows/argo/${name}`);
  await page.getByRole('toolbar', { name: 'Workflow actions' }).getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('This workflow is also kept in the workflow archive.');
  await expect(dialog.getByLabel('Also delete from the archive')).not.toBeChecked();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/workflows\/argo$/);
  // A get falls back to the archive once the live workflow is gone (as argo-server v4), so the list tells.
  await page.goto('/workflows/argo?label=team%3Ddelta');
  await expect(page.getByRole('table', { name: 'Workflows' }).getByRole('row').filter({ hasText: name })).toHaveCount(1);
});
