import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toApiIndex } from './api-index';
import { requestChecker } from './request-check';

const swagger = JSON.parse(readFileSync(new URL('../../server/api/argo-swagger.json', import.meta.url), 'utf8'));
const checker = requestChecker(toApiIndex(swagger).operations);
const check = (method: string, url: string) => {
  const parsed = new URL(url, 'http://x');
  return checker.check(method, parsed.pathname, parsed.searchParams)?.body;
};

describe('requestChecker', () => {
  it('lets well-formed requests and paths outside the contract through', () => {
    expect(check('GET', '/api/v1/workflows/argo?listOptions.limit=10&listOptions.watch=true')).toBeUndefined();
    expect(check('DELETE', '/api/v1/workflows/argo/x?deleteOptions.gracePeriodSeconds=-1')).toBeUndefined();
    expect(check('POST', '/api/v1/workflows/argo/lint')).toBeUndefined();
    expect(check('GET', '/api/capstan/v1/jobs?limit=abc')).toBeUndefined();
    expect(check('GET', '/workflows/argo?x=%00')).toBeUndefined();
  });

  it('refuses typed query parameters that do not parse, as grpc-gateway does', () => {
    expect(check('DELETE', '/api/v1/cron-workflows/argo/x?deleteOptions.gracePeriodSeconds=abc')).toEqual({
      code: 3, message: 'parsing field "deleteOptions.gracePeriodSeconds": strconv.ParseInt: parsing "abc": invalid syntax',
    });
    expect(check('DELETE', '/api/v1/cron-workflows/argo/x?deleteOptions.gracePeriodSeconds=1.5')?.code).toBe(3);
    expect(check('GET', '/api/v1/workflows/argo?listOptions.watch=maybe')?.message).toContain('strconv.ParseBool');
    expect(check('GET', '/api/v1/workflows/argo?listOptions.limit=99999999999999999999')?.message).toContain('out of range');
  });

  it('refuses an unknown method on a known path and control characters in a path', () => {
    expect(check('PUT', '/api/v1/cron-workflows/resume')).toEqual({ code: 12, message: 'Method Not Allowed' });
    expect(checker.check('PUT', '/api/v1/cron-workflows/resume', new URLSearchParams())?.status).toBe(405);
    expect(check('GET', '/api/v1/workflows/argo/%00')?.code).toBe(3);
    expect(check('GET', '/api/v1/workflows/argo/%E0%A4%A')?.message).toContain('bad percent-encoding');
  });

  it('refuses a body whose top-level fields have the wrong JSON type', () => {
    expect(checker.checkBody('PUT', '/api/v1/workflows/argo/x/resume', { name: { not: 'a string' } })?.toBody()).toEqual({
      code: 3, message: 'invalid body: field "name" is object, not string',
    });
    expect(checker.checkBody('PUT', '/api/v1/workflows/argo/x/resume', { name: 'x', nodeFieldSelector: 'a=b' })).toBeUndefined();
    expect(checker.checkBody('POST', '/api/v1/workflows/argo', { workflow: 'text' })?.code).toBe(3);
    expect(checker.checkBody('POST', '/api/v1/workflows/argo', { workflow: { metadata: {} }, serverDryRun: true })).toBeUndefined();
  });
});
