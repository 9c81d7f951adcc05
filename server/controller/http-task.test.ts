import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runHttpTask } from './http-task';

let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.url === '/slow') return void setTimeout(() => res.end('late'), 3000);
      res.statusCode = req.url === '/missing' ? 404 : 201;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify({ method: req.method, auth: req.headers['authorization'] ?? null, body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => server.close());

const workflow = { namespace: 'argo', name: 'wf', uid: 'u' };
const run = (http: object, readSecret?: (ns: string, name: string, key: string) => Promise<string | undefined>) =>
  runHttpTask(workflow, { nodeId: 'n', podName: 'p', template: { name: 't', http: http as never } }, new AbortController().signal, readSecret);

describe('runHttpTask', () => {
  it('sends method, headers (from secrets too) and body; the body is outputs.result', async () => {
    const observation = await run(
      { url: `${url}/x`, method: 'POST', body: '{"a":1}', headers: [{ name: 'Authorization', valueFrom: { secretKeyRef: { name: 's', key: 'token' } } }], successCondition: 'response.statusCode == 201' },
      async () => 'Bearer 42',
    );
    expect(observation.phase).toBe('Succeeded');
    expect(JSON.parse(observation.outputs?.result ?? '')).toEqual({ method: 'POST', auth: 'Bearer 42', body: '{"a":1}' });
  });

  it('fails a non-2xx answer, a missing secret, an unreachable host and a timeout, saying which', async () => {
    expect(await run({ url: `${url}/missing` })).toMatchObject({ phase: 'Failed', message: 'received non-2xx response code: 404' });
    expect(await run({ url, headers: [{ name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }] })).toMatchObject({ phase: 'Failed', message: expect.stringContaining('no secrets are available here') });
    expect((await run({ url: 'http://127.0.0.1:1/' })).phase).toBe('Failed');
    expect(await run({ url: `${url}/slow`, timeoutSeconds: 1 })).toMatchObject({ phase: 'Failed', message: expect.stringContaining('deadline exceeded') });
  });
});
