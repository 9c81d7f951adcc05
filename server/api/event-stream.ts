import { findRuntime } from '../runtime';
import { toErrorMessage } from '../services/workflow-watch';

/** How often an idle Server-Sent Events stream gets a comment, so proxies and clients keep it open. */
const keepAliveMs = 15_000;

/**
 * A streaming response for one of argo-server's server-streaming calls. With `Accept: text/event-stream` each
 * message is an SSE event framed as argo-server frames it (`data: <json> \n\n`, and one more newline after a result)
 * plus a `:` comment at the start and every 15 s (the CLI skips lines shorter than `data: `); otherwise
 * newline-delimited JSON, as grpc-gateway. An error message ends the stream.
 */
export function streamResponse(request: Request, open: (signal: AbortSignal) => AsyncIterable<unknown>): Response {
  const sse = (request.headers.get('accept') ?? '').includes('text/event-stream');
  const abort = new AbortController();
  request.signal?.addEventListener('abort', () => abort.abort(), { once: true });
  // On shutdown the stream ends cleanly, so the client (EventSource, `argo watch`) reconnects to another replica.
  findRuntime()?.shutdown?.addEventListener('abort', () => abort.abort(), { once: true });
  const encoder = new TextEncoder();
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    clearInterval(keepAlive);
    abort.abort();
  };
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!abort.signal.aborted) controller.enqueue(encoder.encode(text));
      };
      // Next.js sends the headers with the first bytes, and argo-server sends them at once, even when no event
      // comes for a while: SSE gets a comment; newline-delimited JSON has none, so an empty chunk flushes them.
      if (sse) {
        send(':\n\n');
        keepAlive = setInterval(() => send(':\n\n'), keepAliveMs);
      } else controller.enqueue(new Uint8Array(0));
      const frame = (message: unknown) => {
        const json = JSON.stringify(message);
        const isError = typeof message === 'object' && message !== null && 'error' in message;
        send(sse ? `data: ${json} \n\n${isError ? '' : '\n'}` : `${json}${isError ? '' : '\n'}`);
        return isError;
      };
      try {
        for await (const message of open(abort.signal)) {
          if (frame(message)) break;
        }
      } catch (error) {
        // After the headers, a failure can only be told as grpc-gateway's error frame; dropping the
        // connection would leave the client guessing.
        if (!abort.signal.aborted) frame(toErrorMessage(error));
      } finally {
        stop();
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      }
    },
    cancel: stop,
  });
  return new Response(body, {
    headers: {
      'content-type': sse ? 'text/event-stream' : 'application/json',
      // no-transform keeps compression (which would buffer) off the stream.
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
