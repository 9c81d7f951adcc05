import { describe, expect, it } from 'vitest';
import { assessHttpResponse } from './http-result';

const response = { statusCode: 201, body: 'hello google', headers: { 'Content-Type': ['text/plain'] } };

describe('assessHttpResponse', () => {
  it("succeeds on any 2xx without a condition, and fails otherwise with Argo's message", () => {
    expect(assessHttpResponse({ url: 'u' }, response)).toEqual({ phase: 'Succeeded', result: 'hello google' });
    expect(assessHttpResponse({ url: 'u' }, { ...response, statusCode: 404 })).toEqual({ phase: 'Failed', message: 'received non-2xx response code: 404', result: 'hello google' });
  });

  it('evaluates successCondition over request and response', () => {
    expect(assessHttpResponse({ url: 'u', successCondition: 'response.statusCode == 201' }, response).phase).toBe('Succeeded');
    expect(assessHttpResponse({ url: 'u', successCondition: 'response.body contains "google"' }, response).phase).toBe('Succeeded');
    expect(assessHttpResponse({ url: 'u', successCondition: 'response.headers["Content-Type"][0] == "text/plain"' }, response).phase).toBe('Succeeded');
    expect(assessHttpResponse({ url: 'u', successCondition: 'response.statusCode == 200' }, response))
      .toMatchObject({ phase: 'Failed', message: "successCondition 'response.statusCode == 200' evaluated false" });
    expect(assessHttpResponse({ url: 'u', successCondition: 'response.nope(' }, response).phase).toBe('Failed');
  });
});
