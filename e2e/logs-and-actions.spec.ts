import { expect, test } from '@playwright/test';

test('a running node’s logs stream into the node panel and the Logs tab', async ({ page, request }) => {
  // A workflow that writes a line a second for a while, so its logs are read while it runs.
  const workflow = {
    metadata: { generateName: 'slow-logs-' },
    spec: {
      entrypoint: 'main',
      templates: [{
        name: 'main',
        script: { image: 'alpine', command: ['sh'], source: 'for i in 1 2 3 4 5 6 7 8; do printf "\\033[32mline $i\\033[0m tick\\n"; sleep 1; done' },
      }],
    },
  };
  const created = await request.post('/api/v1/workflows/argo', { data: { workflow } });
  expect(created.ok(), await created.text()).toBe(true);
  const name = (await created.json()).metadata.name as string;

  await page.goto(`/workflows/argo/${name}`);
  const node = page.locator('.react-flow__node').filter({ has: page.getByText(name, { exact: true }) });
  await expect(node.locator('[data-phase]')).toHaveAttribute('data-phase', 'Running', { timeout: 90_000 });
  await node.click();
  const panel = page.getByRole('complementary', { name: 'Node details' });
  const log = panel.getByRole('log', { name: 'Log lines' });
  await expect(log).toContainText('line 1', { timeout: 20_000 });
  // Still running while the first lines are visible: the log is streamed, not read at the end.
  await expect(node.locator('[data-phase]')).toHaveAttribute('data-phase', 'Running');
  await page.screenshot({ path: 'test-results/node-logs-running.png' });
  await expect(log).toContainText('line 8', { timeout: 90_000 });
  // ANSI colours are drawn, not printed as escapes.
  await expect(log).not.toContainText('[32m');

  await page.getByRole('tab', { name: 'Logs' }).click();
  // The node panel holds a "Logs" region too: wait until the tab's navigation has replaced it.
  await expect(page.getByRole('tab', { name: 'Logs' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel).toBeHidden();
  const tabLog = page.getByRole('region', { name: 'Logs' }).getByRole('log');
  await expect(tabLog).toContainText('line 8');
  await page.getByLabel('Search logs').fill('line 5');
  await expect(tabLog.locator('mark')).toHaveText('line 5');
  await expect(page.getByRole('region', { name: 'Logs' }).getByText('1/1')).toBeVisible();
  await page.screenshot({ path: 'test-results/logs-tab.png' });
});

test('a failed workflow is retried from a node, and runs again', async ({ page, request }) => {
  const workflow = {
    metadata: { generateName: 'retry-me-' },
    spec: {
      entrypoint: 'main',
      arguments: { parameters: [{ name: 'code', value: '1' }] },
      templates: [{ name: 'main', inputs: { parameters: [{ name: 'code', value: '{{workflow.parameters.code}}' }] }, script: { image: 'alpine', command: ['sh'], source: 'echo exiting with {{inputs.parameters.code}}; exit {{inputs.parameters.code}}' } }],
    },
  };
  const created = await request.post('/api/v1/workflows/argo', { data: { workflow } });
  expect(created.ok(), await created.text()).toBe(true);
  const name = (await created.json()).metadata.name as string;

  await page.goto(`/workflows/argo/${name}`);
  const phase = page.locator('header').getByText(/^(Failed|Running|Pending|Succeeded)$/).first();
  await expect(phase).toHaveText('Failed', { timeout: 90_000 });
  await page.locator('.react-flow__node').filter({ has: page.getByText(name, { exact: true }) }).click();
  const panel = page.getByRole('complementary', { name: 'Node details' });
  await panel.getByRole('button', { name: 'Retry from here' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('textbox').fill('0');
  await page.screenshot({ path: 'test-results/retry-dialog.png' });
  await dialog.getByRole('button', { name: 'Retry from here' }).click();
  await expect(dialog).toBeHidden();
  await expect(phase).toHaveText('Succeeded', { timeout: 90_000 });
});

test('actions say clearly why they fail', async ({ page, request }) => {
  const created = await request.post('/api/v1/workflows/argo/submit', { data: { resourceKind: 'WorkflowTemplate', resourceName: 'hello-world' } });
  const name = (await created.json()).metadata.name as string;
  await page.goto(`/workflows/argo/${name}`);
  const bar = page.getByRole('toolbar', { name: 'Workflow actions' });
  await expect(bar.getByRole('button', { name: 'Retry' })).toBeDisabled({ timeout: 90_000 });
  await expect(page.locator('header').getByText('Succeeded', { exact: true })).toBeVisible({ timeout: 90_000 });
  await bar.getByRole('button', { name: 'Resubmit' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Resubmit' }).click();
  await expect(page).not.toHaveURL(new RegExp(`/${name}$`));
  await expect(page.getByRole('heading', { name: /^hello-world-/ })).toBeVisible();
  const resubmitted = await page.getByRole('heading', { level: 1 }).textContent();
  expect(resubmitted).not.toBe(name);

  // A server that refuses: its Argo error message is shown in the dialog, which stays open.
  await page.goto(`/workflows/argo/${name}`);
  await page.route('**/resubmit', (route) => route.fulfill({ status: 409, contentType: 'application/json', body: JSON.stringify({ code: 6, message: 'workflow quota exceeded' }) }));
  await bar.getByRole('button', { name: 'Resubmit' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Resubmit' }).click();
  await expect(page.getByRole('dialog').getByRole('alert')).toHaveText(`Could not resubmit ${name}: workflow quota exceeded`);
  await page.screenshot({ path: 'test-results/action-error.png' });
});
