/**
 * gRPC status codes, as argo-server returns them in its `{"code","message"}` error body.
 * The HTTP status for each follows grpc-gateway's mapping, which argo-server uses.
 */
export const GrpcCode = {
  Canceled: 1,
  Unknown: 2,
  InvalidArgument: 3,
  DeadlineExceeded: 4,
  NotFound: 5,
  AlreadyExists: 6,
  PermissionDenied: 7,
  ResourceExhausted: 8,
  FailedPrecondition: 9,
  Aborted: 10,
  OutOfRange: 11,
  Unimplemented: 12,
  Internal: 13,
  Unavailable: 14,
  Unauthenticated: 16,
} as const;
export type GrpcCode = (typeof GrpcCode)[keyof typeof GrpcCode];

const httpStatusByCode: Record<GrpcCode, number> = {
  1: 499, 2: 500, 3: 400, 4: 504, 5: 404, 6: 409, 7: 403, 8: 429, 9: 400, 10: 409, 11: 400, 12: 501, 13: 500, 14: 503, 16: 401,
};

// Next.js bundles route handlers apart from server/main.ts, so one process can hold two copies of this
// class; a global brand, not `instanceof`, tells whether something is an ApiError.
const brand = Symbol.for('capstan.ApiError');

/** An error a client should see as it is: a gRPC code and a message, never a stack trace. */
export class ApiError extends Error {
  readonly [brand] = true;

  constructor(readonly code: GrpcCode, message: string) {
    super(message);
    this.name = 'ApiError';
  }

  get httpStatus(): number {
    return httpStatusByCode[this.code];
  }

  /** The body argo-server sends for an error. */
  toBody(): { code: number; message: string } {
    return { code: this.code, message: this.message };
  }
}

/** A missing resource, worded like the Kubernetes API: `workflows.argoproj.io "x" not found`. */
export function notFound(resource: string, name: string): ApiError {
  return new ApiError(GrpcCode.NotFound, `${resource} "${name}" not found`);
}

/** A create that collides with an existing name. */
export function alreadyExists(resource: string, name: string): ApiError {
  return new ApiError(GrpcCode.AlreadyExists, `${resource} "${name}" already exists`);
}

/** Bad input from the caller. */
export function invalidArgument(message: string): ApiError {
  return new ApiError(GrpcCode.InvalidArgument, message);
}

/** An update based on a stale resourceVersion: the caller must re-read and retry. */
export function conflict(resource: string, name: string): ApiError {
  return new ApiError(
    GrpcCode.Aborted,
    `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  );
}

/** Turns anything thrown into an ApiError, keeping internal details out of the message. */
export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return new ApiError(error.code, error.message);
  return new ApiError(GrpcCode.Internal, error instanceof Error ? error.message : String(error));
}

/** Whether a value is an ApiError from any copy of this module. */
export function isApiError(error: unknown): error is ApiError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[brand] === true;
}
