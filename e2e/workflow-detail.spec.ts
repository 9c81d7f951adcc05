import { expect, test } from '@playwright/test';

test('a workflow’s page shows its graph live, a node’s details, and its YAML', async ({ page, request }) => {
  const submitted = await request.post('/api/v1/workflows/argo/submit', {
    data: { resourceKind: 'WorkflowTemplate', resourceName: 'build-test-deploy' },
  });
  expect(submitted.ok()).toBe(true);
  const name = (await submitted.json()).metadata.name as string;

  await page.goto('/workflows');
  await page.getByRole('link', { name }).click();
  await expect(page).toHaveURL(new RegExp(`/workflows/argo/${name}$`));
  await expect(page.getByRole('heading', { name })).toBeVisible();

  // The page polls while the workflow runs: the four tasks reach Succeeded in the graph.
  const tasks = ['build', 'unit-tests', 'integration-tests', 'deploy'];
  const taskNode = (task: string) => page.locator('.react-flow__node').filter({ has: page.getByText(task, { exact: true }) });
  for (const task of tasks) {
    await expect(taskNode(task).locator('[data-phase]')).toHaveAttribute('data-phase', 'Succeeded', { timeout: 45_000 });
  }
  await expect(page.getByText('4/4')).toBeVisible();
  await page.screenshot({ path: 'test-results/workflow-graph.png' });

  await taskNode('unit-tests').click();
  await expect(page).toHaveURL(/[?&]node=/);
  const panel = page.getByRole('complementary', { name: 'Node details' });
  await expect(panel.getByRole('heading', { name: 'unit-tests' })).toBeVisible();
  await expect(panel.getByText('Pod', { exact: true })).toBeVisible();
  await expect(panel.getByText('unit tests', { exact: true })).toBeVisible();
  await expect(panel.getByText('Exit code')).toBeVisible();
  await page.screenshot({ path: 'test-results/workflow-node.png' });

  await page.getByRole('tab', { name: 'YAML' }).click();
  await expect(page).toHaveURL(/[?&]tab=yaml/);
  const yaml = page.getByLabel('Workflow YAML');
  await expect(yaml).toContainText(`name: ${name}`);
  await expect(yaml).toContainText('phase: Succeeded');

  // The Kubernetes Events the controller recorded, with Argo's reasons; a node's row opens the node.
  await page.getByRole('tab', { name: 'Events' }).click();
  await expect(page).toHaveURL(/[?&]tab=events/);
  await expect(page.getByRole('cell', { name: 'WorkflowSucceeded' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Workflow completed' })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'WorkflowNodeSucceeded' }).first()).toBeVisible();
  await page.screenshot({ path: 'test-results/workflow-events.png' });
  await page.getByRole('cell', { name: `Succeeded node ${name}.deploy` }).click();
  await expect(page.getByRole('complementary', { name: 'Node details' }).getByRole('heading', { name: 'deploy' })).toBeVisible();
  await page.screenshot({ path: 'test-results/workflow-events-node.png' });
});

test('an unknown workflow says it is not found', async ({ page }) => {
  await page.goto('/workflows/argo/no-such-workflow');
  await expect(page.getByRole('heading', { name: 'Workflow not found' })).toBeVisible();
});
