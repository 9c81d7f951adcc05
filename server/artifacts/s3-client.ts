import { ApiError, GrpcCode } from '@/lib/api-error';
import { type Credentials, hashPayload, signRequest } from './sigv4';

export interface S3Options {
  /** e.g. `http://127.0.0.1:9000` or `https://s3.amazonaws.com`. */
  endpoint: string;
  region?: string;
  credentials: Credentials;
}

/** A small S3 client (path-style addressing, as MinIO and Argo's `s3` artifacts use) on fetch and SigV4. */
export class S3Client {
  private readonly endpoint: URL;
  private readonly region: string;

  constructor(private readonly options: S3Options) {
    this.endpoint = new URL(options.endpoint);
    this.region = options.region ?? 'us-east-1';
  }

  private async send(method: string, bucket: string, key = '', query: Record<string, string> = {}, body?: Buffer | string) {
    const url = new URL(`/${bucket}${key ? `/${key.split('/').map(encodeURIComponent).join('/')}` : ''}`, this.endpoint);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const payload = body ?? '';
    const headers = signRequest(
      { method, url, headers: {}, payloadHash: hashPayload(payload) },
      this.options.credentials,
      this.region,
      new Date(),
    );
    const response = await fetch(url, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(Buffer.from(payload)) });
    if (!response.ok) {
      const text = await response.text();
      const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? String(response.status);
      const message = /<Message>([^<]+)<\/Message>/.exec(text)?.[1] ?? response.statusText;
      const grpc = response.status === 404 ? GrpcCode.NotFound : response.status === 403 ? GrpcCode.PermissionDenied : GrpcCode.Unavailable;
      throw new ApiError(grpc, `s3 ${method} ${bucket}/${key}: ${code}: ${message}`);
    }
    return response;
  }

  async createBucket(bucket: string): Promise<void> {
    await this.send('PUT', bucket);
  }

  async putObject(bucket: string, key: string, body: Buffer | string): Promise<void> {
    await this.send('PUT', bucket, key, {}, body);
  }

  async getObject(bucket: string, key: string): Promise<Buffer> {
    return Buffer.from(await (await this.send('GET', bucket, key)).arrayBuffer());
  }

  async deleteObject(bucket: string, key: string): Promise<void> {
    await this.send('DELETE', bucket, key);
  }

  /** Keys under a prefix (first 1,000; enough for an artifact's files). */
  async listKeys(bucket: string, prefix = ''): Promise<string[]> {
    const xml = await (await this.send('GET', bucket, '', { 'list-type': '2', prefix })).text();
    return [...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => decodeXml(m[1]!));
  }
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
