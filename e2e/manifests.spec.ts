import { expect, test } from '@playwright/test';

test('a cron workflow is created from YAML checked as you type, its schedule read in words, edited and deleted', async ({ page, request }) => {
  await page.goto('/cron-workflows/new');
  const editor = page.getByRole('textbox', { name: 'CronWorkflow manifest' });
  await expect(page.getByText('Valid: the server accepts this cron workflow.')).toBeVisible({ timeout: 30_000 });
  const schedule = page.getByRole('complementary', { name: 'Schedule' });
  await expect(schedule).toContainText('At 09:00 on weekdays');
  await expect(schedule.getByRole('listitem')).toHaveCount(6); // the schedule, then five runs

  // A mistake shows before saving.
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata:\n  name: e2e-cron\nspec:\n  schedules: ["61 * * * *"]\n  workflowSpec:\n    entrypoint: main\n    templates:\n    - name: main\n      container: {image: busybox}\n');
  await expect(page.getByRole('alert').first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/manifests-cron-invalid.png' });

  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\nmetadata:\n  name: e2e-cron\nspec:\n  schedules: ["*/15 * * * *"]\n  workflowSpec:\n    entrypoint: main\n    templates:\n    - name: main\n      container: {image: busybox}\n');
  await expect(schedule).toContainText('Every 15 minutes');
  await expect(page.getByText('Valid: the server accepts this cron workflow.')).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/manifests-cron-new.png' });
  await page.getByRole('button', { name: 'Create' }).click();
  await expect.poll(async () => (await request.get('/api/v1/cron-workflows/argo/e2e-cron')).status(), { timeout: 30_000 }).toBe(200);

  await page.goto('/cron-workflows/argo/e2e-cron/edit');
  await expect(page.getByRole('heading', { name: 'Edit e2e-cron' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/cron-workflows\/argo$/);
  expect((await request.get('/api/v1/cron-workflows/argo/e2e-cron')).status()).toBe(404);
});

test('a workflow template is created and edited as YAML', async ({ page, request }) => {
  await page.goto('/workflow-templates/new');
  await expect(page.getByText('Valid: the server accepts this workflow template.')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Create' }).click();
  await expect.poll(async () => (await request.get('/api/v1/workflow-templates/argo/my-template')).status(), { timeout: 30_000 }).toBe(200);
  await page.goto('/workflow-templates/argo/my-template/edit');
  await expect(page.getByText('Valid: the server accepts this workflow template.')).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/manifests-template-edit.png' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page).toHaveURL(/my-template/);
  await request.delete('/api/v1/workflow-templates/argo/my-template');
});
