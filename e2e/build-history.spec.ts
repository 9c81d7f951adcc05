import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { startCapstan } from '../server/testing/capstan-process';

// Issue #8's pages end to end: a job, its "Build with parameters" form, the new build's page, the stage view
// while it runs, a rebuild with one edited parameter; then folders and a saved view across a restart.

const job = '/jobs/workflow-templates/argo/build-test-deploy';

/** The number the next build of the job will get, as its page says ("next is #N"). */
async function nextNumber(page: Page): Promise<number> {
  const text = await page.getByText(/next is #\d+/).textContent();
  return Number(/next is #(\d+)/.exec(text ?? '')![1]);
}

test('build with parameters, land on the new build, watch it in the stage view, rebuild with one change', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/jobs');
  await page.getByRole('link', { name: 'Build, test, deploy' }).click();
  await expect(page).toHaveURL(new RegExp(`${job}$`));
  await expect(page.getByRole('heading', { name: 'Build, test, deploy' })).toBeVisible();
  const number = await nextNumber(page);
  await page.screenshot({ path: 'test-results/job-before.png', fullPage: true });

  await page.getByRole('link', { name: /Build with parameters/ }).click();
  await expect(page.getByRole('heading', { name: 'Build with parameters' })).toBeVisible();
  await expect(page.getByLabel('branch')).toHaveValue('main');
  await expect(page.getByLabel('environment')).toHaveValue('staging');
  await page.getByLabel('branch').fill('feature/e2e');
  await page.screenshot({ path: 'test-results/build-form.png', fullPage: true });
  await page.getByRole('button', { name: 'Build', exact: true }).click();

  // Straight to the new build's page, framed by its job.
  await expect(page).toHaveURL(new RegExp(`${job}/builds/${number}$`), { timeout: 90_000 });
  const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(breadcrumb.getByText(`#${number}`, { exact: true })).toBeVisible();
  await expect(breadcrumb.getByRole('link', { name: 'Build, test, deploy' })).toBeVisible();

  // The job's stage view shows the build while it runs, then every stage succeeded.
  await breadcrumb.getByRole('link', { name: 'Build, test, deploy' }).click();
  const row = page.getByRole('table', { name: 'Stage view' }).locator(`tr[data-build="${number}"]`);
  await expect(row).toBeVisible({ timeout: 90_000 });
  for (const stage of ['build', 'unit-tests', 'integration-tests', 'deploy']) {
    await expect(page.getByRole('columnheader', { name: stage, exact: true })).toBeVisible();
  }
  await expect(row.locator('td[data-phase="Succeeded"]')).toHaveCount(4, { timeout: 90_000 });
  await page.screenshot({ path: 'test-results/job-after.png', fullPage: true });

  // Rebuild from the history with one edited parameter: the form is pre-filled with the build's parameters.
  await page.getByRole('table', { name: 'Builds' }).getByRole('link', { name: `Rebuild #${number}` }).click();
  await expect(page.getByRole('heading', { name: `Rebuild #${number}` })).toBeVisible();
  await expect(page.getByLabel('branch')).toHaveValue('feature/e2e');
  await page.getByLabel('environment').selectOption('production');
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${job}/builds/${number + 1}$`), { timeout: 90_000 });
  const changes = page.getByLabel(`Parameters changed since #${number}`);
  await expect(changes.locator('[data-parameter="environment"]')).toContainText('staging');
  await expect(changes.locator('[data-parameter="environment"]')).toContainText('production');
  await expect(changes.locator('[data-parameter]')).toHaveCount(1);
  await page.getByRole('link', { name: 'Previous build' }).click();
  await expect(page).toHaveURL(new RegExp(`${job}/builds/${number}$`));
  await page.screenshot({ path: 'test-results/build-page.png' });
});

test('the job page and the jobs list follow a new build live, pushed by the watch stream, without a reload', async ({ page, context }) => {
  test.setTimeout(240_000);
  // Count the history API's list requests: rows must arrive through the stream, not by refetching the pages.
  const historyReads: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (/\/api\/capstan\/v1\/jobs\/.*\/builds$/.test(url.pathname)) historyReads.push(url.search);
  });
  await page.goto(job);
  await expect(page.getByRole('heading', { name: 'Build, test, deploy' })).toBeVisible();
  const number = await nextNumber(page);
  await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });
  const jobs = await context.newPage();
  await jobs.goto('/jobs');
  const jobsRow = jobs.getByRole('table', { name: 'Jobs' }).getByRole('row').filter({ has: jobs.getByRole('link', { name: 'Build, test, deploy' }) });
  await expect(jobsRow).toBeVisible();

  // Build with parameters in another tab; the job page stays open and is never reloaded.
  const form = await context.newPage();
  await form.goto(`${job}/build?p.branch=live%2Fpush`);
  await form.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(form).toHaveURL(new RegExp(`${job}/builds/${number}$`), { timeout: 90_000 });

  const stageRow = page.getByRole('table', { name: 'Stage view' }).locator(`tr[data-build="${number}"]`);
  const historyRow = page.getByRole('table', { name: 'Builds' }).locator(`tr[data-build="${number}"]`);
  await expect(stageRow).toBeVisible({ timeout: 30_000 });
  await expect(historyRow).toBeVisible();
  await expect(historyRow).toContainText('live/push');
  await expect(jobsRow.getByRole('link', { name: new RegExp(`^#${number} `) }).first()).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/job-live-running.png', fullPage: true });
  await expect(stageRow.locator('td[data-phase="Succeeded"]')).toHaveCount(4, { timeout: 90_000 });
  await expect(historyRow).toContainText('Succeeded', { timeout: 30_000 });
  await expect(jobsRow.getByRole('link', { name: `#${number} Succeeded` }).first()).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  // The first page of the history was read once, when the page opened: the new row and its phases were pushed.
  expect(historyReads).toHaveLength(1);
});

test('the form validates before it submits, and a shared link pre-fills it', async ({ page }) => {
  await page.goto(`${job}/build?p.branch=release%2F1.2&p.environment=qa`);
  await expect(page.getByLabel('branch')).toHaveValue('release/1.2');
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(page.getByText('Must be one of: staging, production.')).toBeVisible();
  await expect(page).toHaveURL(/\/build\?/);
  await page.getByText('Advanced: namespace, labels, entrypoint').click();
  await page.getByLabel('Labels').fill('not a label');
  await page.getByLabel('environment').selectOption('production');
  await page.getByRole('button', { name: 'Build', exact: true }).click();
  await expect(page.getByText('"not a label" must be key=value')).toBeVisible();
});

test('folders and a saved view survive a restart; views are edited, renamed, created and deleted in the UI', async ({ page }) => {
  test.setTimeout(600_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'capstan-e2e-history-'));
  try {
    let capstan = await startCapstan(['--no-samples'], {}, { dataDir, keepData: true });
    try {
      for (const [name, folder] of [['checkout-api', 'team-a/backend'], ['checkout-web', 'team-a/frontend'], ['billing', 'team-b']]) {
        const created = await page.request.post(`${capstan.url}/api/v1/workflow-templates/argo`, {
          data: { template: { metadata: { name, annotations: { 'capstan.io/folder': folder } }, spec: { entrypoint: 'main', templates: [{ name: 'main', container: { image: 'busybox', command: ['true'] } }] } } },
        });
        expect(created.ok()).toBe(true);
      }
      await page.goto(`${capstan.url}/jobs`);
      const tree = page.getByRole('tree', { name: 'Folders' });
      await tree.getByRole('button', { name: 'Expand team-a' }).click();
      await tree.getByRole('link', { name: 'backend' }).click();
      await expect(page).toHaveURL(/folder=team-a%2Fbackend/);
      await expect(page.getByRole('link', { name: 'checkout-api', exact: true })).toBeVisible();
      await expect(page.getByRole('link', { name: 'checkout-web', exact: true })).toHaveCount(0);

      await page.getByRole('link', { name: 'All jobs' }).click();
      await page.getByLabel('Search jobs').fill('checkout');
      await expect(page.getByRole('link', { name: 'billing', exact: true })).toHaveCount(0);
      await page.getByRole('button', { name: '+ Save this filter as a view' }).click();
      await page.getByLabel('View name').fill('Checkout');
      await page.getByRole('button', { name: 'Save view' }).click();
      await expect(page).toHaveURL(/view=checkout/);
      await page.screenshot({ path: 'test-results/jobs-home.png' });
    } finally {
      await capstan.stop();
    }

    capstan = await startCapstan(['--no-samples'], {}, { dataDir, keepData: true });
    try {
      await page.goto(`${capstan.url}/jobs?view=checkout`);
      await expect(page.getByRole('link', { name: 'Checkout', exact: true })).toBeVisible();
      await expect(page.getByRole('link', { name: 'checkout-api', exact: true })).toBeVisible();
      await expect(page.getByRole('link', { name: 'checkout-web', exact: true })).toBeVisible();
      await expect(page.getByRole('link', { name: 'billing', exact: true })).toHaveCount(0);
      const tree = page.getByRole('tree', { name: 'Folders' });
      await expect(tree.getByText('team-a')).toBeVisible();
      await expect(tree.getByText('team-b')).toBeVisible();

      // Edit the view in place: rename it and narrow it by name; its id (the shared link) stays.
      await page.getByRole('button', { name: 'Edit view Checkout' }).click();
      const editor = page.getByRole('dialog');
      await expect(editor.getByLabel('Search')).toHaveValue('checkout');
      await editor.getByLabel('View name').fill('Checkout APIs');
      await editor.getByLabel('Name pattern').fill('(');
      await editor.getByRole('button', { name: 'Save view' }).click();
      await expect(editor.getByText(/^Not a regular expression/)).toBeVisible();
      await editor.getByLabel('Name pattern').fill('-api$');
      await page.screenshot({ path: 'test-results/view-editor.png' });
      await editor.getByRole('button', { name: 'Save view' }).click();
      await expect(editor).toBeHidden();
      await page.goto(`${capstan.url}/jobs?view=checkout`);
      await expect(page.getByRole('link', { name: 'Checkout APIs', exact: true })).toBeVisible();
      await expect(page.getByRole('link', { name: 'checkout-api', exact: true })).toBeVisible();
      await expect(page.getByRole('link', { name: 'checkout-web', exact: true })).toHaveCount(0);

      // A new view from scratch, then delete it.
      await page.getByRole('button', { name: 'New view' }).click();
      await page.getByRole('dialog').getByLabel('View name').fill('Team B');
      await page.getByRole('dialog').getByLabel('Folder').fill('team-b');
      await page.getByRole('dialog').getByRole('button', { name: 'Save view' }).click();
      await expect(page).toHaveURL(/view=team-b/);
      await expect(page.getByRole('link', { name: 'billing', exact: true })).toBeVisible();
      await page.getByRole('button', { name: 'Delete view Team B' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete view' }).click();
      await expect(page.getByRole('link', { name: 'Team B', exact: true })).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Checkout APIs', exact: true })).toBeVisible();
    } finally {
      await capstan.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
