import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { withPooledAgents } from './pooled-agents';

/** A refused write as @kubernetes/client-node reports one: what fromKubeError and retryThrottled read. */
export class KubeWriteError extends Error {
  constructor(readonly code: number, readonly body: string, readonly headers: Record<string, string | string[] | undefined>) {
    super(`kubernetes API answered ${code}`);
  }
}

/**
 * Sends a write whose answer Capstan does not use (a pod's creation, the label on a finished pod) and resolves once
 * the API server has accepted it; a refusal throws a KubeWriteError with the API server's status body. Through
 * @kubernetes/client-node each such call turned the manifest into its model classes and back, then parsed the
 * created pod the server returns into them again: for a 2,000-task DAG's 2,000 creations and 2,000 labels that was
 * more than a second of the controller's CPU and much of its garbage, on cores the API server and the pods share.
 * Same connections (the pooled agents), credentials and TLS settings as the client's own calls.
 */
export async function sendKubeWrite(config: KubeConfig, method: 'POST' | 'PATCH', path: string, body: unknown, contentType = 'application/json'): Promise<void> {
  const server = config.getCurrentCluster()?.server;
  if (!server) throw new Error('kubeconfig has no current cluster');
  const options: RequestOptions & { headers: Record<string, string> } = { method, headers: {} };
  await withPooledAgents(config).applyToHTTPSOptions(options);
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  options.headers['Content-Type'] = contentType;
  options.headers['Accept'] = 'application/json';
  options.headers['Content-Length'] = String(Buffer.byteLength(payload));
  const url = new URL(path, server);
  await new Promise<void>((resolve, reject) => {
    const req = (url.protocol === 'http:' ? httpRequest : httpsRequest)(url, options, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 200 && status < 300) {
        res.resume();
        res.on('end', resolve);
        res.on('error', reject);
        return;
      }
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => reject(new KubeWriteError(status, Buffer.concat(chunks).toString('utf8'), res.headers)));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}
