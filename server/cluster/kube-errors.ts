import { ApiError, GrpcCode, isApiError } from '@/lib/api-error';

const codeByHttpStatus: Record<number, GrpcCode> = {
  400: GrpcCode.InvalidArgument,
  401: GrpcCode.Unauthenticated,
  403: GrpcCode.PermissionDenied,
  404: GrpcCode.NotFound,
  410: GrpcCode.OutOfRange,
  422: GrpcCode.InvalidArgument,
  429: GrpcCode.ResourceExhausted,
  503: GrpcCode.Unavailable,
};

/** Maps a Kubernetes API failure to the ApiError argo-server would return, keeping the API server's message. */
export function fromKubeError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  const e = error as { code?: number; body?: unknown; message?: string };
  if (typeof e?.code !== 'number') {
    return new ApiError(GrpcCode.Unavailable, `kubernetes API unreachable: ${e?.message ?? String(error)}`);
  }
  let status: { message?: string; reason?: string } = {};
  try {
    status = typeof e.body === 'string' ? JSON.parse(e.body) : ((e.body ?? {}) as typeof status);
  } catch {
    status = { message: String(e.body) };
  }
  const message = status.message ?? e.message ?? `kubernetes API answered ${e.code}`;
  if (e.code === 409) return new ApiError(status.reason === 'AlreadyExists' ? GrpcCode.AlreadyExists : GrpcCode.Aborted, message);
  return new ApiError(codeByHttpStatus[e.code] ?? GrpcCode.Internal, message);
}
