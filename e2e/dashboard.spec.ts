import { expect, test } from '@playwright/test';

test('a first start shows the sample templates, and submitting one lists its workflow', async ({ page }) => {
  await page.goto('/workflow-templates');
  await expect(page.getByRole('heading', { name: 'Workflow templates' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ hasText: 'hello-world' });
  await expect(card).toBeVisible();
  await page.screenshot({ path: 'test-results/templates.png', fullPage: true });

  await card.getByRole('button', { name: 'Submit' }).click();
  await expect(page).toHaveURL(/\/workflows$/);
  const row = page.getByRole('row').filter({ hasText: /hello-world-/ });
  await expect(row).toBeVisible();
  // The embedded controller runs the step as a local process: the list follows it to the end.
  await expect(row.getByText('Succeeded')).toBeVisible({ timeout: 90_000 });
  await page.screenshot({ path: 'test-results/workflows.png', fullPage: true });
});

test('the API answers unknown paths with Argo’s error body', async ({ request }) => {
  const response = await request.get('/api/v1/no-such-thing');
  expect(response.status()).toBe(404);
  expect(await response.json()).toEqual({ code: 5, message: 'Not Found' });
});
