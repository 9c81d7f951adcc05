import { execFile } from 'node:child_process';
import { request as httpsRequest } from 'node:https';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CapstanProcess, insecureHttpsGet, startCapstan } from './testing/capstan-process';
import { testBed } from './testing/test-bed';

const run = promisify(execFile);

// Capstan with TLS (a self-signed certificate generated at start, as argo-server) under /argo/: the official argo
// CLI works with ARGO_SECURE=true ARGO_INSECURE_SKIP_VERIFY=true, with or without ARGO_BASE_HREF; plain HTTP gets
// a clear answer; /metrics counts; SIGTERM drains an open stream cleanly.
let capstan: CapstanProcess;

function argo(args: string[], env: Record<string, string> = {}) {
  return run(testBed().argoBin(), args, {
    timeout: 90_000,
    env: {
      ...process.env, ARGO_SERVER: `127.0.0.1:${capstan.port}`, ARGO_HTTP1: 'true', ARGO_SECURE: 'true',
      ARGO_INSECURE_SKIP_VERIFY: 'true', ARGO_TOKEN: 'unused', KUBECONFIG: '/dev/null', ...env,
    },
  });
}

beforeAll(async () => {
  capstan = await startCapstan(['--secure', '--base-href', '/argo/']);
});
afterAll(async () => {
  await capstan?.stop();
});

describe('TLS, metrics and shutdown', () => {
  it('the argo CLI submits and lists over TLS, with and without ARGO_BASE_HREF', async () => {
    const submitted = await argo(['submit', '-n', 'argo', '--from', 'workflowtemplate/hello-world', '--wait', '-o', 'name']);
    const name = submitted.stdout.trim().split('\n')[0] ?? '';
    expect(name).toMatch(/^hello-world-/);
    const listed = await argo(['list', '-n', 'argo', '-o', 'name'], { ARGO_BASE_HREF: '/argo/' });
    expect(listed.stdout).toContain(name);
    const got = await argo(['get', '-n', 'argo', name, '-o', 'json']);
    expect(JSON.parse(got.stdout).status.phase).toBe('Succeeded');
  });

  it('answers plain HTTP on the TLS port with the https URL, and sends HSTS over TLS', async () => {
    const plain = await fetch(`http://127.0.0.1:${capstan.port}/argo/workflows`);
    expect(plain.status).toBe(400);
    expect(await plain.text()).toContain(`use https://127.0.0.1:${capstan.port}/argo/workflows`);
    const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
      httpsRequest(`${capstan.url}/argo/healthz`, { rejectUnauthorized: false }, (res) => {
        res.resume();
        resolve(res.headers);
      }).on('error', reject).end();
    });
    expect(headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('exposes HTTP and controller metrics under Argo\'s names', async () => {
    const metrics = await insecureHttpsGet(`${capstan.url}/argo/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.body).toMatch(/argo_workflows_gauge\{phase="Succeeded"\} [1-9]/);
    expect(metrics.body).toContain('argo_workflows_queue_depth_gauge{queue_name="workflow_queue"}');
    expect(metrics.body).toMatch(/capstan_http_requests_total\{method="POST",route="\/api\/v1\/workflows",code="200"\} [1-9]/);
  });

  it('on SIGTERM fails readiness, ends an open stream cleanly and exits 0', async () => {
    const stream = new Promise<{ ended: boolean; body: string }>((resolve, reject) => {
      httpsRequest(`${capstan.url}/argo/api/v1/workflow-events/argo`, { rejectUnauthorized: false, headers: { accept: 'text/event-stream' } }, (res) => {
        let body = '';
        res.on('data', (d) => {
          body += d;
          if (body.length > 0 && !capstan.child.killed) capstan.child.kill('SIGTERM');
        });
        res.on('end', () => resolve({ ended: true, body }));
        res.on('error', reject);
      }).on('error', reject).end();
    });
    const exited = new Promise<number | null>((resolve) => capstan.child.once('exit', (code) => resolve(code)));
    const result = await stream;
    expect(result.ended).toBe(true);
    expect(await exited).toBe(0);
    expect(capstan.output()).toContain('shutting down: draining requests and streams');
  });
});
