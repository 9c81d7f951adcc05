import { describe, expect, it } from 'vitest';
import { ApiError, GrpcCode, isApiError, notFound, toApiError } from './api-error';

describe('ApiError', () => {
  it('maps gRPC codes to the HTTP status grpc-gateway uses', () => {
    expect(notFound('workflows.argoproj.io', 'x').httpStatus).toBe(404);
    expect(new ApiError(GrpcCode.AlreadyExists, '').httpStatus).toBe(409);
    expect(new ApiError(GrpcCode.Unauthenticated, '').httpStatus).toBe(401);
  });

  it("writes argo-server's error body", () => {
    expect(notFound('workflows.argoproj.io', 'x').toBody()).toEqual({ code: 5, message: 'workflows.argoproj.io "x" not found' });
  });

  it('recognises ApiErrors by brand and wraps anything else as internal', () => {
    const copy = Object.assign(new Error('gone'), { code: 5, [Symbol.for('capstan.ApiError')]: true });
    expect(isApiError(copy)).toBe(true);
    expect(toApiError(copy).httpStatus).toBe(404);
    expect(toApiError(new Error('boom')).toBody()).toEqual({ code: 13, message: 'boom' });
  });
});
