import { ApiError, GrpcCode } from '@/lib/api-error';
import { jsonResponse } from '../api/respond';

/**
 * Argo Events' EventSources and Sensors are not part of Capstan: their endpoints answer exactly as argo-server does
 * on a cluster without Argo Events' CRDs, with the Kubernetes client's 404 message (e.g.
 * `the server could not find the requested resource (get eventsources.argoproj.io foo)`).
 */
export function argoEventsAbsent(plural: 'eventsources' | 'sensors', verb: 'get' | 'post' | 'put' | 'delete', name?: string): ApiError {
  return new ApiError(GrpcCode.NotFound, `the server could not find the requested resource (${verb} ${plural}.argoproj.io${name ? ` ${name}` : ''})`);
}

/** The streaming endpoints' answer: a 404 whose body is the stream's error frame, as argo-server sends it. */
export function argoEventsStreamAbsent(request: Request, plural: 'eventsources' | 'sensors'): Response {
  const frame = { error: { grpc_code: 5, http_code: 404, message: argoEventsAbsent(plural, 'get').message, http_status: 'Not Found' } };
  if ((request.headers.get('accept') ?? '').includes('text/event-stream')) {
    return new Response(`data: ${JSON.stringify(frame)} \n\n`, { status: 404, headers: { 'content-type': 'text/event-stream' } });
  }
  return jsonResponse(frame, 404);
}
