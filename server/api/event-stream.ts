import type { IncomingMessage, ServerResponse } from 'node:http';
import { findRuntime } from '../runtime';
import { toErrorMessage } from '../services/workflow-watch';

/** How often an idle Server-Sent Events stream gets a comment, so proxies and clients keep it open. */
const keepAliveMs = 15_000;

type OpenStream = (signal: AbortSignal) => AsyncIterable<unknown>;

/**
 * Each message's JSON, kept as long as the message object lives: a watch event sent to many streams is one shared
 * message object (server/services/workflow-watch.ts), so it is serialised once, not once per client.
 */
const encoded = new WeakMap<object, string>();

function toJson(message: unknown): string {
  if (typeof message !== 'object' || message === null) return JSON.stringify(message);
  let json = encoded.get(message);
  if (json === undefined) {
    json = JSON.stringify(message);
    encoded.set(message, json);
  }
  return json;
}

/**
 * One message as argo-server frames it: with `sse`, an SSE event (`data: <json> \n\n`, and one more newline after a
 * result); otherwise newline-delimited JSON, as grpc-gateway. An error message ends the stream.
 */
function frame(message: unknown, sse: boolean): { text: string; isError: boolean } {
  const json = toJson(message);
  const isError = typeof message === 'object' && message !== null && 'error' in message;
  return { text: sse ? `data: ${json} \n\n${isError ? '' : '\n'}` : `${json}${isError ? '' : '\n'}`, isError };
}

/**
 * Sends the messages of `open` through `send` until they end, one is an error, or `abort` aborts; with `sse`, a `:`
 * comment first and every 15 s (the CLI skips lines shorter than `data: `). A failure after the headers can only be
 * told as grpc-gateway's error frame: dropping the connection would leave the client guessing.
 */
async function pump(open: OpenStream, abort: AbortController, sse: boolean, send: (text: string) => void): Promise<void> {
  const keepAlive = sse ? setInterval(() => send(':\n\n'), keepAliveMs) : undefined;
  abort.signal.addEventListener('abort', () => clearInterval(keepAlive), { once: true });
  if (sse) send(':\n\n');
  try {
    for await (const message of open(abort.signal)) {
      const { text, isError } = frame(message, sse);
      send(text);
      if (isError) break;
    }
  } catch (error) {
    if (!abort.signal.aborted) send(frame(toErrorMessage(error), sse).text);
  } finally {
    clearInterval(keepAlive);
    abort.abort();
  }
}

/** Ends the stream when the server shuts down, so the client (EventSource, `argo watch`) reconnects to another replica. */
function endOnShutdown(abort: AbortController): void {
  // `signal`: the listener goes when the stream ends, not at shutdown (one closure per stream ever opened, otherwise).
  findRuntime()?.shutdown?.addEventListener('abort', () => abort.abort(), { once: true, signal: abort.signal });
}

function streamHeaders(sse: boolean): Record<string, string> {
  return {
    'content-type': sse ? 'text/event-stream' : 'application/json',
    // no-transform keeps compression (which would buffer) off the stream.
    'cache-control': 'no-cache, no-transform',
    'x-accel-buffering': 'no',
  };
}

const wantsSse = (accept: string | null | undefined) => (accept ?? '').includes('text/event-stream');

/**
 * A streaming response for one of argo-server's server-streaming calls, from a Next.js route handler: SSE with
 * `Accept: text/event-stream`, else newline-delimited JSON (see `frame`). The workflow watch, open by every
 * dashboard tab, is served on Node's response instead (`serveStream`).
 */
export function streamResponse(request: Request, open: OpenStream): Response {
  const sse = wantsSse(request.headers.get('accept'));
  const abort = new AbortController();
  request.signal?.addEventListener('abort', () => abort.abort(), { once: true, signal: abort.signal });
  endOnShutdown(abort);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      // Next.js sends the headers with the first bytes, and argo-server sends them at once, even when no event
      // comes for a while: SSE gets a comment; newline-delimited JSON has none, so an empty chunk flushes them.
      if (!sse) controller.enqueue(new Uint8Array(0));
      // Messages sent in the same turn of the event loop go out as one chunk: a log read from a file yields
      // thousands of lines at once, and a chunk each (each its own write through Next.js to the socket) cost
      // about 4 CPU seconds per 100,000 lines. A message waits at most until the loop's next turn.
      let pending: string[] = [];
      const flush = () => {
        if (pending.length === 0) return;
        const text = pending.join('');
        pending = [];
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          // closed by the client going away
        }
      };
      await pump(open, abort, sse, (text) => {
        if (abort.signal.aborted) return;
        if (pending.push(text) === 1) setImmediate(flush);
      });
      flush();
      try {
        controller.close();
      } catch {
        // already closed by the client going away
      }
    },
    cancel: () => abort.abort(),
  });
  return new Response(body, { headers: streamHeaders(sse) });
}

/**
 * The same stream written straight on Node's response, beside Next.js (server/main.ts), as artifact downloads are:
 * an open stream then costs a socket and this function's state, not a route handler's request, web streams and
 * their buffers (about 10 KB per open stream instead of about 460 KB, docs/benchmarks.md).
 */
export async function serveStream(req: IncomingMessage, res: ServerResponse, open: OpenStream): Promise<void> {
  const sse = wantsSse(req.headers.accept);
  const abort = new AbortController();
  res.once('close', () => abort.abort());
  endOnShutdown(abort);
  res.writeHead(200, streamHeaders(sse));
  // argo-server sends the headers at once, before any event.
  res.flushHeaders();
  await pump(open, abort, sse, (text) => {
    if (!abort.signal.aborted) res.write(text);
  });
  res.end();
}
