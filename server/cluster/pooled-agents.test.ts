import { KubeConfig } from '@kubernetes/client-node';
import { expect, it } from 'vitest';
import { withPooledAgents } from './pooled-agents';

function config(server: string, token: string, extra: Record<string, unknown> = {}): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server, skipTLSVerify: false, ...extra }],
    users: [{ name: 'u', token }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  return withPooledAgents(kc);
}

async function agentOf(kc: KubeConfig): Promise<unknown> {
  const options: { agent?: unknown } = {};
  await kc.applyToHTTPSOptions(options as never);
  return options.agent;
}

it('reuses one keep-alive agent per server and TLS settings, whoever the caller is', async () => {
  const first = await agentOf(config('https://10.0.0.1:6443', 'a'));
  expect(first).toMatchObject({ keepAlive: true });
  expect(await agentOf(config('https://10.0.0.1:6443', 'a'))).toBe(first);
  // Client auth mode: another caller's token is a header, so the connections are shared.
  expect(await agentOf(config('https://10.0.0.1:6443', 'b'))).toBe(first);
  expect(await agentOf(config('https://10.0.0.2:6443', 'a'))).not.toBe(first);
  expect(await agentOf(config('https://10.0.0.1:6443', 'a', { caData: Buffer.from('other CA').toString('base64') }))).not.toBe(first);
});

it('leaves proxied clusters to the library', async () => {
  const proxied = config('https://10.0.0.1:6443', 'a', { proxyUrl: 'http://proxy:3128' });
  expect(await agentOf(proxied)).not.toBe(await agentOf(proxied));
});
