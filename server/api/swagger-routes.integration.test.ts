import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CapstanProcess, startCapstan } from '../testing/capstan-process';

// Every path and method of argo-server's API (swagger.json, Argo v4.1.2) reaches a handler in Capstan: none falls
// through to the catch-all's `404 {"code":5,"message":"Not Found"}` or to Next.js's 405. Names that shadow static
// segments (`lint`, `submit`) are tried too, since a workflow may be called that.
const swagger = JSON.parse(readFileSync(fileURLToPath(new URL('../../../shared/argo/swagger.json', import.meta.url)), 'utf8')) as {
  paths: Record<string, Record<string, unknown>>;
};
let capstan: CapstanProcess;

beforeAll(async () => {
  capstan = await startCapstan(['--no-samples']);
});
afterAll(async () => {
  await capstan?.stop();
});

function concrete(path: string, name: string): string {
  return path
    .replace('{namespace}', 'argo')
    .replace(/\{(name|podName|key)\}/g, name)
    .replace(/\{uid\}/g, '00000000-0000-0000-0000-000000000000')
    .replace(/\{[^}]+\}/g, 'x');
}

async function call(method: string, url: string): Promise<{ status: number; body: string }> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), 5000);
  try {
    const response = await fetch(url, {
      method, signal: abort.signal,
      ...(method === 'POST' || method === 'PUT' ? { body: '{}', headers: { 'content-type': 'application/json' } } : {}),
    });
    // Streams stay open: the status and the first bytes are enough.
    const reader = response.body?.getReader();
    const first = reader ? await Promise.race([reader.read(), new Promise<undefined>((r) => setTimeout(() => r(undefined), 1000))]) : undefined;
    abort.abort();
    return { status: response.status, body: first?.value ? new TextDecoder().decode(first.value) : '' };
  } catch (error) {
    if (abort.signal.aborted) return { status: 0, body: 'timed out' };
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

describe('swagger paths', () => {
  const cases = Object.entries(swagger.paths).flatMap(([path, methods]) =>
    Object.keys(methods).filter((m) => m !== 'parameters').flatMap((method) =>
      ['walker', 'lint', 'submit'].map((name) => ({ path, method: method.toUpperCase(), name }))));

  it(`routes all ${cases.length} (path, method, name) combinations`, async () => {
    const unrouted: string[] = [];
    for (const { path, method, name } of cases) {
      if (name !== 'walker' && !/\{(name|key)\}/.test(path)) continue;
      const { status, body } = await call(method, `${capstan.url}${concrete(path, name)}`);
      const catchAll = status === 404 && body.includes('"message":"Not Found"');
      if (catchAll || status === 405) unrouted.push(`${method} ${concrete(path, name)} → ${status} ${body.slice(0, 120)}`);
    }
    expect(unrouted).toEqual([]);
  });
});
