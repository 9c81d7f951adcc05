import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { webRequestOf } from '../api/web-request';
import { type ArtifactRouteParams, handleArtifactRoute } from './artifact-routes';
import type { ArtifactReply } from './artifact-server';
import type { ResponseBody } from './raw-http-get';

type Endpoint = 'outputs' | 'inputs' | 'path';

/**
 * The artifact endpoint a path (without the base href) names, and its parameters; undefined for any other path.
 * argo-server's paths: /artifacts/{ns}/{name}/{nodeId}/{artifact}, /input-artifacts/… the same,
 * /artifacts-by-uid/{uid}/{nodeId}/{artifact}, /input-artifacts-by-uid/… the same, and
 * /artifact-files/{ns}/{workflows|archived-workflows}/{id}/{nodeId}/{outputs|inputs}/{artifact}[/{path…}].
 * Segments stay percent-encoded except the named ones; the file path is decoded by the handler, which refuses
 * traversal.
 */
export function matchArtifactRoute(pathname: string): { params: ArtifactRouteParams; endpoint: Endpoint } | undefined {
  const [root, ...rest] = pathname.replace(/^\/+/, '').split('/');
  let decoded: string[];
  try {
    decoded = rest.map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  switch (root) {
    case 'artifacts':
    case 'input-artifacts': {
      if (rest.length !== 4) return undefined;
      const [namespace, name, nodeId, artifactName] = decoded as [string, string, string, string];
      return { params: { namespace, name, nodeId, artifactName }, endpoint: root === 'artifacts' ? 'outputs' : 'inputs' };
    }
    case 'artifacts-by-uid':
    case 'input-artifacts-by-uid': {
      if (rest.length !== 3) return undefined;
      const [uid, nodeId, artifactName] = decoded as [string, string, string];
      return { params: { uid, nodeId, artifactName }, endpoint: root === 'artifacts-by-uid' ? 'outputs' : 'inputs' };
    }
    case 'artifact-files': {
      if (rest.length < 6) return undefined;
      const [namespace, discriminator, id, nodeId, direction, artifactName] = decoded as [string, string, string, string, string, string];
      const path = rest.slice(6).filter((s) => s !== '');
      return { params: { namespace, discriminator, id, nodeId, direction, artifactName, ...(path.length ? { path } : {}) }, endpoint: 'path' };
    }
    default:
      return undefined;
  }
}

/**
 * Serves an artifact endpoint straight on Node's response, beside Next.js rather than through it: the object's
 * bytes go from S3's socket to the client's as Node buffers. Through a Next.js route handler's web streams
 * the same download cost several times the CPU per byte (bench/artifact-download.ts).
 */
export async function serveArtifactRoute(req: IncomingMessage, res: ServerResponse, url: URL, route: { params: ArtifactRouteParams; endpoint: Endpoint }): Promise<void> {
  await sendReply(await handleArtifactRoute(webRequestOf(req, url), route.params, route.endpoint), res, req.method === 'HEAD');
}

/** Writes a reply to Node's response; a stream is piped (backpressure, and the store's read stops when the client goes away). */
async function sendReply(reply: ArtifactReply, res: ServerResponse, headOnly: boolean): Promise<void> {
  res.writeHead(reply.status, reply.headers);
  if (reply.body === undefined || typeof reply.body === 'string' || headOnly) {
    if (typeof reply.body === 'object') reply.body.destroy();
    res.end(headOnly ? undefined : reply.body);
    return;
  }
  // A store that fails midway, or a client that leaves, ends the pipe: the status is sent, so the body is cut short.
  // An S3 object's body is written from the buffers its socket reads into, with no copy (server/artifacts/raw-http-get.ts).
  const body = reply.body;
  await (isForwardable(body) ? body.forwardTo(res) : pipeline(body, res)).catch(() => undefined);
}

function isForwardable(body: Readable): body is Readable & Pick<ResponseBody, 'forwardTo'> {
  return typeof (body as Partial<ResponseBody>).forwardTo === 'function';
}
