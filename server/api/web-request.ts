import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A body-less Fetch API request with the headers of Node's, for the handlers the custom server runs beside Next.js
 * (artifact downloads, the workflow watch): authentication (`clusterFor`) reads the same headers either way.
 */
export function webRequestOf(req: IncomingMessage, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(url, { headers });
}

/** Writes a Fetch API response (an error reply, say) on Node's response. */
export async function sendWebResponse(response: Response, res: ServerResponse): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(Buffer.from(await response.arrayBuffer()));
}
