import { expect, test } from '@playwright/test';

test('a first start shows the sample templates, and submitting one lists its workflow', async ({ page }) => {
  await page.goto('/workflow-templates');
  await expect(page.getByRole('heading', { name: 'Workflow templates' })).toBeVisible();
  const card = page.getByRole('listitem').filter({ hasText: 'hello-world' });
  await expect(card).toBeVisible();
  await page.screenshot({ path: 'test-results/templates.png', fullPage: true });

  await card.getByRole('button', { name: 'Submit' }).click();
  await expect(page).toHaveURL(/\/workflows$/);
  await expect(page.getByRole('cell', { name: /^hello-world-/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/workflows.png', fullPage: true });
});

test('the API answers unknown paths with Argo’s error body', async ({ request }) => {
  const response = await request.get('/api/v1/no-such-thing');
  expect(response.status()).toBe(404);
  expect(await response.json()).toEqual({ code: 5, message: 'Not Found' });
});
