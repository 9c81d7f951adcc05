import { readFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { type Locator, type Page, expect, test } from '@playwright/test';

// Issue #10's dashboard part end to end, in embedded mode with its default local artifact repository: a build
// writes an HTML report, a PNG chart, JSON, text and a directory; its build page shows them on the node panel,
// previews each (HTML in a sandboxed frame without the dashboard's origin), browses the packed directory, and a
// download gives back the bytes the step wrote.

/** A small valid PNG: a 48×24 gradient, built here so the test can compare the downloaded bytes with it. */
function gradientPng(): Buffer {
  const width = 48;
  const height = 24;
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0);
    for (let x = 0; x < width; x++) rows.push(Math.round((x / width) * 255), 80, Math.round((y / height) * 255));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const png = gradientPng();
const template = 'artifact-report';
const report = `<!doctype html><html><head><title>Test report</title>
<style>body{font-family:sans-serif;margin:12px} .pass{color:#15803d}</style></head>
<body><h1>Test report</h1><p class="pass">42 passed</p>
<p id="parent-access">scripts cannot run</p>
<script>document.getElementById('parent-access').textContent = (() => { try { return 'parent readable: ' + window.parent.document.title; } catch (e) { return 'parent blocked'; } })();</script>
</body></html>`;
const script = `set -e
mkdir -p /tmp/out/tree/sub
echo '${png.toString('base64')}' | base64 -d > /tmp/out/chart.png
cat > /tmp/out/report.html <<'HTML'
${report}
HTML
printf '{"passed":42,"failed":0,"suites":["unit","integration"]}' > /tmp/out/result.json
printf 'line one\\nline two\\n' > /tmp/out/notes.txt
printf 'alpha' > /tmp/out/tree/a.txt
printf 'beta' > /tmp/out/tree/sub/b.txt
`;

const none = { none: {} };
const workflowTemplate = {
  metadata: { name: template, annotations: { 'workflows.argoproj.io/description': 'Writes a report, a chart and data as artifacts' } },
  spec: {
    entrypoint: 'report',
    templates: [{
      name: 'report',
      script: { image: 'busybox', command: ['sh'], source: script },
      outputs: {
        artifacts: [
          { name: 'report', path: '/tmp/out/report.html', archive: none },
          { name: 'chart', path: '/tmp/out/chart.png', archive: none },
          { name: 'result', path: '/tmp/out/result.json', archive: none },
          { name: 'notes', path: '/tmp/out/notes.txt', archive: none },
          { name: 'tree', path: '/tmp/out/tree' },
        ],
      },
    }],
  },
};

let buildUrl = '';

// Once per server: a worker started again after a failure finds the template and its build already there.
test.beforeAll(async ({ request }) => {
  const created = await request.post('/api/v1/workflow-templates/argo', { data: { template: workflowTemplate } });
  if (created.status() !== 409) expect(created.ok(), await created.text()).toBe(true);
  const existing = await request.get(`/api/v1/workflows/argo?listOptions.labelSelector=workflows.argoproj.io/workflow-template=${template}`);
  let name = ((await existing.json()).items ?? [])[0]?.metadata?.name as string | undefined;
  if (!name) {
    const submitted = await request.post('/api/v1/workflows/argo/submit', { data: { resourceKind: 'WorkflowTemplate', resourceName: template } });
    expect(submitted.ok(), await submitted.text()).toBe(true);
    name = (await submitted.json()).metadata.name as string;
  }
  await expect.poll(async () => (await (await request.get(`/api/v1/workflows/argo/${name}`)).json()).status?.phase, { timeout: 90_000 }).toBe('Succeeded');
  buildUrl = `/jobs/workflow-templates/argo/${template}/builds/1`;
});

/** The build page with the step's node panel open. */
async function openNodePanel(page: Page) {
  await page.goto(buildUrl);
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByText('#1', { exact: true })).toBeVisible();
  await page.locator('.react-flow__node').filter({ has: page.locator('[data-phase="Succeeded"]') }).first().click();
  const panel = page.getByRole('complementary', { name: 'Node details' });
  await expect(panel.getByRole('region', { name: 'Output artifacts' })).toBeVisible();
  return panel;
}

function row(list: Locator, artifact: string) {
  // `has` is matched inside each item: a locator from the page, not from the list.
  return list.getByRole('listitem').filter({ has: list.page().getByText(artifact, { exact: true }) });
}

for (const theme of ['light', 'dark'] as const) {
  test(`the build page previews an HTML report, an image, JSON, text and a packed directory (${theme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    const panel = await openNodePanel(page);
    const outputs = panel.getByRole('region', { name: 'Output artifacts' });
    for (const name of ['report', 'chart', 'result', 'notes', 'tree']) await expect(outputs.getByText(name, { exact: true })).toBeVisible();

    // HTML: in a frame sandboxed without allow-same-origin (and without scripts), so the report cannot reach the dashboard.
    await row(outputs, 'report').getByRole('button', { name: 'Preview' }).click();
    const frame = outputs.locator('iframe[title="Preview of report.html"]');
    await expect(frame).toBeVisible();
    const sandbox = await frame.getAttribute('sandbox');
    expect(sandbox).not.toBeNull();
    expect(sandbox).not.toContain('allow-same-origin');
    expect(sandbox).not.toContain('allow-scripts');
    await expect(frame.contentFrame().getByRole('heading', { name: 'Test report' })).toBeVisible();
    await expect(frame.contentFrame().getByText('scripts cannot run')).toBeVisible();
    await frame.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `test-results/artifacts/html-${theme}.png` });
    await row(outputs, 'report').getByRole('button', { name: 'Hide' }).click();

    // The image, decoded by the browser.
    await row(outputs, 'chart').getByRole('button', { name: 'Preview' }).click();
    const image = outputs.getByRole('img', { name: 'chart.png' });
    await expect(image).toBeVisible();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(48);
    await image.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `test-results/artifacts/image-${theme}.png` });
    await row(outputs, 'chart').getByRole('button', { name: 'Hide' }).click();

    // JSON, pretty-printed; then plain text.
    await row(outputs, 'result').getByRole('button', { name: 'Preview' }).click();
    await expect(outputs.getByText('"passed": 42,')).toBeVisible();
    await row(outputs, 'notes').getByRole('button', { name: 'Preview' }).click();
    await expect(outputs.getByText(/line one\s+line two/)).toBeVisible();
    await outputs.getByText(/line one/).scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `test-results/artifacts/text-${theme}.png` });
    await row(outputs, 'result').getByRole('button', { name: 'Hide' }).click();
    await row(outputs, 'notes').getByRole('button', { name: 'Hide' }).click();

    // The packed directory's listing, then a file inside it and back to a sub-directory.
    await row(outputs, 'tree').getByRole('button', { name: 'Browse' }).click();
    const listing = outputs.locator('iframe[title="Preview of tree.tgz"]');
    await expect(listing).toBeVisible();
    await expect(listing.contentFrame().getByRole('link', { name: 'a.txt' })).toBeVisible();
    await expect(listing.contentFrame().getByRole('link', { name: 'sub/' })).toBeVisible();
    await listing.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: `test-results/artifacts/listing-${theme}.png` });
    await listing.contentFrame().getByRole('link', { name: 'sub/' }).click();
    await expect(listing.contentFrame().getByRole('link', { name: 'b.txt' })).toBeVisible();
  });
}

test('a download gives back the bytes the step wrote', async ({ page }) => {
  const panel = await openNodePanel(page);
  const outputs = panel.getByRole('region', { name: 'Output artifacts' });
  const downloading = page.waitForEvent('download');
  await row(outputs, 'chart').getByRole('link', { name: 'Download' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('chart.png');
  expect(readFileSync(await download.path()).equals(png)).toBe(true);

  const reportDownload = page.waitForEvent('download');
  await row(outputs, 'report').getByRole('link', { name: 'Download' }).click();
  expect(readFileSync(await (await reportDownload).path()).toString()).toBe(`${report}\n`);
});
