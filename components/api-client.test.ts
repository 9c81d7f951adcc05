import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiFetch, earlyRequestsScript } from './api-client';

describe('early requests from the HTML', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const stubBrowser = () => {
    let served = 0;
    const fetch = vi.fn(async () => new Response(JSON.stringify({ served: ++served }), { headers: { 'content-type': 'application/json' } }));
    vi.stubGlobal('fetch', fetch);
    vi.stubGlobal('window', globalThis);
    return fetch;
  };

  it('answers the first plain GET of the same URL with the early response, then asks the network again', async () => {
    const fetch = stubBrowser();
    new Function(earlyRequestsScript(['/argo/api/capstan/v1/jobs?folder=a']))();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await apiFetch('/argo/', 'api/capstan/v1/jobs?folder=a')).toEqual({ served: 1 });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await apiFetch('/argo/', 'api/capstan/v1/jobs?folder=a')).toEqual({ served: 2 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('is not used for another URL or for a request with options', async () => {
    const fetch = stubBrowser();
    new Function(earlyRequestsScript(['/api/capstan/v1/views']))();
    await apiFetch('/', 'api/capstan/v1/jobs');
    await apiFetch('/', 'api/capstan/v1/views', { method: 'POST', body: '{}' });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('cannot close its script element', () => {
    expect(earlyRequestsScript(['/api?q=</script><script>alert(1)'])).not.toContain('<');
  });
});
