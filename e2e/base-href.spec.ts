import { expect, test } from '@playwright/test';
import { startCapstan } from '../server/testing/capstan-process';

// One build, started under three base paths in one run: the same smoke test passes under each
// (docs/embedding.md: the build is made with a placeholder basePath and prepared for BASE_HREF at start).
test.setTimeout(300_000);

for (const baseHref of ['/', '/argo/', '/a/b/']) {
  test(`the same build serves under ${baseHref}`, async ({ page }) => {
    const capstan = await startCapstan(['--base-href', baseHref]);
    try {
      const base = `${capstan.url}${baseHref}`;
      const outside: string[] = [];
      const failed: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith(base)) outside.push(r.url());
      });
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });

      await page.goto(`${base}workflow-templates`);
      const card = page.getByRole('listitem').filter({ hasText: 'hello-world' });
      await expect(card).toBeVisible({ timeout: 60_000 });
      await card.getByRole('button', { name: 'Submit' }).click();
      await expect(page).toHaveURL(`${base}workflows`);
      const row = page.getByRole('row').filter({ hasText: /hello-world-/ });
      // The list refreshes through the base path until the run ends (slow on a busy machine).
      await expect(row.getByText('Succeeded')).toBeVisible({ timeout: 150_000 });

      await row.getByRole('link', { name: /^hello-world-/ }).click();
      await expect(page).toHaveURL(new RegExp(`^${base}workflows/argo/hello-world-`));
      await page.reload();
      await expect(page.getByRole('heading', { name: /^hello-world-/ })).toBeVisible();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Templates' }).click();
      await expect(page).toHaveURL(`${base}workflow-templates`);

      // The home page, with and without the trailing slash, and the API, under the prefix.
      for (const home of baseHref === '/' ? [base] : [base, base.slice(0, -1)]) {
        const response = await page.request.get(home, { maxRedirects: 0 });
        expect(response.status(), home).toBe(200);
      }
      expect((await (await page.request.get(`${base}api/v1/version`)).json()).version).toMatch(/^v4\./);

      expect(outside, 'requests outside the base path').toEqual([]);
      expect(failed, 'failed requests').toEqual([]);
    } finally {
      await capstan.stop();
    }
  });
}

test('with X-Frame-Options DENY (the default) a page on another site cannot frame Capstan', async ({ page, baseURL }) => {
  const target = `${baseURL}/workflows`;
  const framed = await page.request.get(target);
  expect(framed.headers()['x-frame-options']).toBe('DENY');

  // A parent page on another site, served by the browser's own routing.
  await page.route('http://portal.test/', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><iframe title="Capstan" src="${target}"></iframe>` }),
  );
  await page.goto('http://portal.test/');
  const frame = page.frames().find((f) => f !== page.mainFrame());
  // Chromium replaces a refused frame with its error page; Capstan's navigation never renders in it.
  await expect.poll(() => frame?.url()).toBe('chrome-error://chromewebdata/');
  await expect(page.frameLocator('iframe').getByRole('navigation', { name: 'Main' })).toHaveCount(0);
});
