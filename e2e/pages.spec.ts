import AxeBuilder from '@axe-core/playwright';
import { type Page, expect, test } from '@playwright/test';

/** Fails the test on any console error or uncaught exception of the page. */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
}

let workflowName = '';
let archivedUid = '';
let buildNumber = '';
const job = '/jobs/workflow-templates/argo/build-test-deploy';

test.beforeAll(async ({ request }) => {
  const created = await request.post('/api/v1/workflows/argo/submit', { data: { resourceKind: 'WorkflowTemplate', resourceName: 'build-test-deploy' } });
  const body = await created.json();
  workflowName = body.metadata.name;
  buildNumber = body.metadata.labels['capstan.io/build-number'];
  await request.post('/api/capstan/v1/views', { data: { name: 'Samples view', filter: { folder: 'samples', lastStatus: ['Succeeded', 'None'] } } });
  // Wait for it to finish and reach the archive.
  for (let i = 0; i < 60 && !archivedUid; i++) {
    const archived = await request.get(`/api/v1/archived-workflows?namespace=argo&namePrefix=${workflowName}`);
    archivedUid = (await archived.json()).items?.[0]?.metadata?.uid ?? '';
    if (!archivedUid) await new Promise((r) => setTimeout(r, 1000));
  }
});

const pages: { name: string; path: () => string; ready: (page: Page) => Promise<void> }[] = [
  { name: 'workflows', path: () => '/workflows', ready: async (p) => { await expect(p.getByRole('table', { name: 'Workflows' })).toBeVisible(); } },
  { name: 'workflow-graph', path: () => `/workflows/argo/${workflowName}`, ready: async (p) => { await expect(p.locator('.react-flow__node').first()).toBeVisible(); } },
  { name: 'workflow-logs', path: () => `/workflows/argo/${workflowName}?tab=logs`, ready: async (p) => { await expect(p.getByRole('log')).toBeVisible(); await expect(p.getByText(/End of log|From the archived log/)).toBeVisible(); } },
  { name: 'workflow-nodes', path: () => `/workflows/argo/${workflowName}?tab=nodes`, ready: async (p) => { await expect(p.getByText('unit-tests').first()).toBeVisible(); } },
  { name: 'workflow-timeline', path: () => `/workflows/argo/${workflowName}?tab=timeline`, ready: async (p) => { await expect(p.getByText('4 steps')).toBeVisible(); } },
  { name: 'workflow-summary', path: () => `/workflows/argo/${workflowName}?tab=summary`, ready: async (p) => { await expect(p.getByRole('heading', { name: 'Parameters' })).toBeVisible(); } },
  { name: 'workflow-yaml', path: () => `/workflows/argo/${workflowName}?tab=yaml`, ready: async (p) => { await expect(p.getByLabel('Workflow YAML')).toBeVisible(); } },
  { name: 'templates', path: () => '/workflow-templates', ready: async (p) => { await expect(p.getByText('hello-world').first()).toBeVisible(); } },
  { name: 'cron-workflows', path: () => '/cron-workflows', ready: async (p) => { await expect(p.getByRole('heading', { name: 'Cron workflows' })).toBeVisible(); } },
  { name: 'archived-workflows', path: () => '/archived-workflows', ready: async (p) => { await expect(p.getByRole('link', { name: workflowName })).toBeVisible(); } },
  { name: 'archived-workflow', path: () => `/archived-workflows/argo/${archivedUid}`, ready: async (p) => { await expect(p.locator('.react-flow__node').first()).toBeVisible(); } },
  { name: 'submit', path: () => '/submit', ready: async (p) => { await expect(p.getByText('Valid: the server accepts this workflow.')).toBeVisible({ timeout: 15_000 }); } },
  { name: 'userinfo', path: () => '/userinfo', ready: async (p) => { await expect(p.getByText('Identity', { exact: true })).toBeVisible(); } },
  { name: 'jobs-home', path: () => '/jobs?folder=samples', ready: async (p) => { await expect(p.getByRole('tree', { name: 'Folders' })).toBeVisible(); await expect(p.getByRole('link', { name: 'Build, test, deploy' })).toBeVisible(); } },
  { name: 'jobs-view', path: () => '/jobs?view=samples-view', ready: async (p) => { await expect(p.getByText('filters above narrow it further')).toBeVisible(); await expect(p.getByRole('link', { name: 'Build, test, deploy' })).toBeVisible(); } },
  { name: 'job-page', path: () => job, ready: async (p) => { await expect(p.getByRole('table', { name: 'Stage view' }).locator(`tr[data-build="${buildNumber}"] td[data-phase="Succeeded"]`)).toHaveCount(4); await expect(p.getByRole('table', { name: 'Builds' })).toBeVisible(); } },
  { name: 'build-page', path: () => `${job}/builds/${buildNumber}`, ready: async (p) => { await expect(p.locator('.react-flow__node').first()).toBeVisible(); } },
  { name: 'build-form', path: () => `${job}/build?p.branch=release%2F2`, ready: async (p) => { await expect(p.getByRole('heading', { name: 'Build with parameters' })).toBeVisible(); } },
  { name: 'apidocs', path: () => '/apidocs', ready: async (p) => { await expect(p.getByRole('heading', { name: 'Workflow', exact: true })).toBeVisible(); } },
];

for (const theme of ['light', 'dark'] as const) {
  for (const { name, path, ready } of pages) {
    test(`${name} renders without console errors or serious accessibility violations (${theme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      const errors = watchConsole(page);
      await page.goto(path());
      await ready(page);
      await page.screenshot({ path: `test-results/pages/${name}-${theme}.png`, fullPage: name.startsWith('job') || name.startsWith('build') });
      expect(errors).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }
}

test('keyboard: / focuses the search, g w goes to the workflows', async ({ page }) => {
  await page.goto('/workflow-templates');
  // Shortcuts listen once the page has hydrated; keys pressed before that do nothing, as for a user.
  await expect(async () => {
    await page.keyboard.press('g');
    await page.keyboard.press('w');
    await expect(page).toHaveURL(/\/workflows$/, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  // The URL changes before the new page has rendered, and the box can show before the list's `/` handler is
  // listening (CI once lost the key that way): a user presses `/` once they see the search box, and again if need be.
  const search = page.getByLabel('Name contains');
  await expect(search).toBeVisible();
  await expect(async () => {
    await page.keyboard.press('/');
    await expect(search).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
});

test('submit from YAML: lint errors show before submitting, a valid workflow opens its page', async ({ page }) => {
  await page.goto('/submit');
  await expect(page.getByText('Valid: the server accepts this workflow.')).toBeVisible({ timeout: 15_000 });
  const editor = page.getByRole('textbox', { name: 'Workflow manifest' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: bad-\nspec:\n  entrypoint: nope\n  templates:\n  - name: main\n    container: {image: alpine, command: [echo, hi]}\n');
  await expect(page.getByText("template name 'nope' undefined")).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: 'test-results/pages/submit-lint-error.png' });
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText('apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: good-\nspec:\n  entrypoint: main\n  templates:\n  - name: main\n    container: {image: alpine, command: [echo, hi]}\n');
  await expect(page.getByText('Valid: the server accepts this workflow.')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Submit', exact: true }).click();
  await expect(page).toHaveURL(/\/workflows\/argo\/good-/);
  await expect(page.locator('header').getByText('Succeeded', { exact: true })).toBeVisible({ timeout: 90_000 });
});
