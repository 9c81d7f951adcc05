import { ApiError, GrpcCode, toApiError } from '@/lib/api-error';
import { findRuntime } from '../runtime';
import { checkBodyAgainstContract } from './request-guard';

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

/**
 * The largest request body read, as argo-server's default gRPC message limit (`GRPC_MESSAGE_SIZE`, 100 MiB); the
 * environment variable of the same name changes it. Bigger bodies are refused before they are buffered.
 */
function maxBodyBytes(): number {
  const configured = Number(process.env.GRPC_MESSAGE_SIZE);
  return Number.isInteger(configured) && configured > 0 ? configured : 100 * 1024 * 1024;
}

function tooLarge(size: number, limit: number): ApiError {
  return new ApiError(GrpcCode.ResourceExhausted, `grpc: received message larger than max (${size} vs. ${limit})`);
}

/** The request body as text, refusing one over the limit without holding more than the limit in memory. */
async function readBodyText(request: Request, limit = maxBodyBytes()): Promise<string> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > limit) throw tooLarge(declared, limit);
  if (!request.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge(size, limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * How deep a request body may nest. Go's decoder, which argo-server uses, stops at 10,000; handlers here walk
 * bodies recursively, so the limit is lower, and still far beyond any real manifest (they nest a few dozen deep).
 */
const maxJsonDepth = 1000;

/** The deepest nesting of arrays and objects in JSON text, counted without recursion. */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) deepest = Math.max(deepest, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

/** Parses a JSON request body, answering 400 with a clear message when it is not JSON. */
export async function readJson(request: Request): Promise<unknown> {
  const text = await readBodyText(request);
  if (jsonDepth(text) > maxJsonDepth) throw new ApiError(GrpcCode.InvalidArgument, `request body is not valid JSON: exceeded max depth of ${maxJsonDepth}`);
  let body: unknown;
  try {
    body = text === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new ApiError(GrpcCode.InvalidArgument, `request body is not valid JSON: ${(error as Error).message}`);
  }
  checkBodyAgainstContract(request, body);
  return body;
}
