import { expect, it } from 'vitest';
import { startCapstan } from '../testing/capstan-process';

it('answers probes, and sends X-Frame-Options DENY by default like argo-server', async () => {
  const capstan = await startCapstan(['--no-samples']);
  try {
    const health = await fetch(`${capstan.url}/healthz`);
    expect([health.status, await health.text()]).toEqual([200, 'ok\n']);
    expect((await fetch(`${capstan.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${capstan.url}/workflows`)).headers.get('x-frame-options')).toBe('DENY');
    expect((await fetch(`${capstan.url}/api/v1/version`)).headers.get('x-frame-options')).toBe('DENY');
  } finally {
    await capstan.stop();
  }
});

it('lets a portal frame it when told to', async () => {
  const capstan = await startCapstan(['--no-samples', '--x-frame-options=', '--frame-ancestors', 'https://portal.example']);
  try {
    const page = await fetch(`${capstan.url}/workflows`);
    expect(page.headers.get('x-frame-options')).toBeNull();
    expect(page.headers.get('content-security-policy')).toBe('frame-ancestors https://portal.example');
  } finally {
    await capstan.stop();
  }
});
