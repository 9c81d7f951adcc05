import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GrpcCode } from '@/lib/api-error';
import { throttledRetryDelayMs } from '@/lib/k8s/throttle-retry';
import { fromKubeError } from './kube-errors';
import { KubeWriteError, sendKubeWrite } from './kube-write';

interface Seen { method?: string; url?: string; headers: IncomingMessage['headers']; body: string }
const seen: Seen[] = [];
let answer: { status: number; body: string; headers?: Record<string, string> } = { status: 201, body: '{}' };
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    seen.push({ method: req.method, url: req.url, headers: req.headers, body });
    res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
    res.end(answer.body);
  });
});
let config: KubeConfig;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  config = new KubeConfig();
  config.loadFromOptions({
    clusters: [{ name: 'c', server: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, skipTLSVerify: true }],
    users: [{ name: 'u', token: 'secret-token' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('sends the object as JSON with the kubeconfig’s credentials and resolves on a 2xx without reading it', async () => {
  answer = { status: 201, body: JSON.stringify({ kind: 'Pod', metadata: { name: 'p' } }) };
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { a: 'b' } }, spec: { containers: [{ name: 'main', image: 'x' }] } };
  await expect(sendKubeWrite(config, 'POST', '/api/v1/namespaces/ns/pods', pod)).resolves.toBeUndefined();
  const request = seen.at(-1)!;
  expect(request).toMatchObject({ method: 'POST', url: '/api/v1/namespaces/ns/pods' });
  expect(request.headers).toMatchObject({ authorization: 'Bearer secret-token', 'content-type': 'application/json' });
  expect(JSON.parse(request.body)).toEqual(pod);
});

it('sends a merge patch with its content type', async () => {
  answer = { status: 200, body: '{}' };
  await sendKubeWrite(config, 'PATCH', '/api/v1/namespaces/ns/pods/p', { metadata: { labels: { done: 'true' } } }, 'application/merge-patch+json');
  expect(seen.at(-1)).toMatchObject({ method: 'PATCH', body: '{"metadata":{"labels":{"done":"true"}}}' });
  expect(seen.at(-1)!.headers['content-type']).toBe('application/merge-patch+json');
});

it('throws a refusal as the client does, so it maps to Argo’s error and throttles are retried', async () => {
  answer = { status: 409, body: JSON.stringify({ kind: 'Status', reason: 'AlreadyExists', message: 'pods "p" already exists' }) };
  const exists = await sendKubeWrite(config, 'POST', '/api/v1/namespaces/ns/pods', {}).catch((error: unknown) => error);
  expect(exists).toBeInstanceOf(KubeWriteError);
  expect(fromKubeError(exists)).toMatchObject({ code: GrpcCode.AlreadyExists, message: 'pods "p" already exists' });

  answer = { status: 429, body: '{"kind":"Status","message":"too many requests"}', headers: { 'Retry-After': '2' } };
  const busy = await sendKubeWrite(config, 'POST', '/api/v1/namespaces/ns/pods', {}).catch((error: unknown) => error);
  expect(throttledRetryDelayMs(busy, 0)).toBe(2000);
});

it('reports an API server it cannot reach as unreachable', async () => {
  const gone = new KubeConfig();
  gone.loadFromOptions({
    clusters: [{ name: 'c', server: 'http://127.0.0.1:1', skipTLSVerify: true }],
    users: [{ name: 'u', token: 't' }],
    contexts: [{ name: 'x', cluster: 'c', user: 'u' }],
    currentContext: 'x',
  });
  const error = await sendKubeWrite(gone, 'POST', '/api/v1/namespaces/ns/pods', {}).catch((e: unknown) => e);
  expect(fromKubeError(error).code).toBe(GrpcCode.Unavailable);
});
