import { ApiError, GrpcCode, toApiError } from '@/lib/api-error';
import { findRuntime } from '../runtime';

/** A JSON response, as argo-server's gateway writes it. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Argo's error body `{"code","message"}` with the HTTP status grpc-gateway gives that code. */
export function errorResponse(error: unknown): Response {
  const apiError = toApiError(error);
  if (apiError.code === GrpcCode.Internal) findRuntime()?.logger.error({ err: error }, 'internal error');
  return jsonResponse(apiError.toBody(), apiError.httpStatus);
}

/** Runs a handler and turns whatever it throws into Argo's error response. */
export async function respond(handler: () => Promise<unknown>): Promise<Response> {
  try {
    return jsonResponse(await handler());
  } catch (error) {
    return errorResponse(error);
  }
}

/** Parses a JSON request body, answering 400 with a clear message when it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  try {
    return text === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new ApiError(GrpcCode.InvalidArgument, `request body is not valid JSON: ${(error as Error).message}`);
  }
}
