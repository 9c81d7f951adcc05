import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { type ClientRequest, type IncomingHttpHeaders, type IncomingMessage, type RequestOptions, request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ApiError, GrpcCode } from '@/lib/api-error';
import { escapeMarkup } from '@/lib/artifacts/escape-markup';
import { type Credentials, hashPayload, signRequest } from './sigv4';
import { rawGet } from './raw-http-get';

export interface S3Options {
  /** e.g. `http://127.0.0.1:9000` or `https://s3.amazonaws.com`. */
  endpoint: string;
  region?: string;
  credentials: Credentials;
  /** PEM of the CA that signed the endpoint's certificate, when the system's CAs do not (the repository's `caSecret`). */
  ca?: string;
  /** Headers every upload carries: the repository's server-side encryption (lib/artifacts/s3-encryption.ts). */
  uploadHeaders?: Record<string, string>;
}

/** An S3 answer read whole: control requests' answers are small XML documents. */
interface S3Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** An object being read: its bytes as a stream, not in memory. */
export interface ObjectStream {
  body: Readable;
  size?: number;
  contentType?: string;
}

const mib = 1024 * 1024;
const defaultPartBytes = 64 * mib;
const maxParts = 10_000;
const partsInFlight = 4;

// Streamed bodies are not hashed (that would read them twice): S3 and MinIO accept this over TLS and plain HTTP.
const unsignedPayload = 'UNSIGNED-PAYLOAD';

/** A small S3 client (path-style addressing, as MinIO and Argo's `s3` artifacts use) on node:http(s) and SigV4. */
export class S3Client {
  private readonly endpoint: URL;
  private readonly region: string;

  constructor(private readonly options: S3Options) {
    this.endpoint = new URL(options.endpoint);
    this.region = options.region || 'us-east-1';
  }

  private urlOf(bucket: string, key: string): URL {
    return new URL(`${this.endpoint.pathname.replace(/\/$/, '')}/${bucket}${key ? `/${key.split('/').map(encodeURIComponent).join('/')}` : ''}`, this.endpoint);
  }

  /** A request to the endpoint over HTTP or HTTPS, trusting the repository's CA when it names one. */
  private request(url: URL, options: RequestOptions, onResponse: (response: IncomingMessage) => void): ClientRequest {
    return (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, { ...options, ...(this.options.ca ? { ca: this.options.ca } : {}) }, onResponse);
  }

  private send(
    method: string,
    bucket: string,
    key = '',
    query: Record<string, string> = {},
    body?: Buffer | string | { stream: Readable; length: number },
    extraHeaders: Record<string, string> = {},
  ): Promise<S3Answer> {
    const url = this.urlOf(bucket, key);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    const streamed = body !== undefined && typeof body === 'object' && 'stream' in body;
    const payload = streamed ? undefined : Buffer.from((body as Buffer | string | undefined) ?? '');
    const sendsBody = method === 'PUT' || method === 'POST';
    const headers = signRequest(
      { method, url, headers: { ...extraHeaders, ...(streamed ? { 'content-length': String(body.length) } : {}) }, payloadHash: payload === undefined ? unsignedPayload : hashPayload(payload) },
      this.options.credentials,
      this.region,
      new Date(),
    );
    if (payload && sendsBody) headers['content-length'] = String(payload.length);
    const where = `${url.host}/${bucket}/${key}`;
    return new Promise<S3Answer>((resolve, reject) => {
      const request = this.request(url, { method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('error', (error) => reject(connectionError(method, where, error)));
        response.once('end', () => {
          const answer = { status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) };
          if (answer.status >= 200 && answer.status <= 299) resolve(answer);
          else reject(s3Error(method, bucket, key, answer.status, response.statusMessage ?? '', answer.body.toString()));
        });
      });
      request.once('error', (error) => reject(connectionError(method, where, error)));
      if (streamed) {
        body.stream.once('error', (error) => request.destroy(error));
        body.stream.pipe(request);
      } else {
        request.end(sendsBody ? payload : undefined);
      }
    });
  }

  /** Creates a bucket; with `objectLocking`, one with S3 Object Lock enabled (which can only be set at creation). */
  async createBucket(bucket: string, options: { objectLocking?: boolean } = {}): Promise<void> {
    await this.send('PUT', bucket, '', {}, undefined, options.objectLocking ? { 'x-amz-bucket-object-lock-enabled': 'true' } : {});
  }

  async bucketExists(bucket: string): Promise<boolean> {
    try {
      await this.send('HEAD', bucket);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === GrpcCode.NotFound) return false;
      throw error;
    }
  }

  async putObject(bucket: string, key: string, body: Buffer | string): Promise<void> {
    await this.send('PUT', bucket, key, {}, body, this.options.uploadHeaders);
  }

  /**
   * Uploads a file as one object, streamed from disk: one PUT up to `partBytes` (64 MiB by default), a multipart
   * upload above it (S3 refuses a single PUT over 5 GiB), its parts sent four at a time. `partBytes` is raised so
   * that no upload needs more than S3's 10,000 parts; S3 wants every part but the last to be at least 5 MiB.
   */
  async putFile(bucket: string, key: string, path: string, options: { partBytes?: number } = {}): Promise<void> {
    const { size } = await stat(path);
    const partBytes = Math.max(options.partBytes ?? defaultPartBytes, Math.ceil(size / maxParts));
    if (size <= partBytes) {
      await this.send('PUT', bucket, key, {}, { stream: createReadStream(path), length: size }, this.options.uploadHeaders);
      return;
    }
    await this.putFileInParts(bucket, key, path, size, partBytes);
  }

  /** A multipart upload; aborted on any failure, so no parts are left behind in the bucket. */
  private async putFileInParts(bucket: string, key: string, path: string, size: number, partBytes: number): Promise<void> {
    // Server-side encryption is asked for when the upload starts; its parts carry no such headers.
    const created = (await this.send('POST', bucket, key, { uploads: '' }, undefined, this.options.uploadHeaders)).body.toString();
    const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(created)?.[1];
    if (!uploadId) throw new ApiError(GrpcCode.Unavailable, `s3 POST ${bucket}/${key}?uploads: no UploadId in the answer`);
    const partCount = Math.ceil(size / partBytes);
    const etags: string[] = [];
    let nextPart = 0;
    let failed = false;
    const uploadParts = async () => {
      while (!failed && nextPart < partCount) {
        const index = nextPart++;
        const start = index * partBytes;
        const end = Math.min(size, start + partBytes);
        const stream = createReadStream(path, { start, end: end - 1 });
        const answer = await this.send('PUT', bucket, key, { partNumber: String(index + 1), uploadId }, { stream, length: end - start });
        const etag = answer.headers.etag;
        if (!etag) throw new ApiError(GrpcCode.Unavailable, `s3 PUT ${bucket}/${key} part ${index + 1}: no ETag in the answer`);
        etags[index] = etag;
      }
    };
    try {
      await Promise.all(
        Array.from({ length: Math.min(partsInFlight, partCount) }, () =>
          uploadParts().catch((error: unknown) => {
            failed = true;
            throw error;
          }),
        ),
      );
      const parts = etags.map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${escapeMarkup(etag)}</ETag></Part>`).join('');
      const completed = (await this.send('POST', bucket, key, { uploadId }, `<CompleteMultipartUpload>${parts}</CompleteMultipartUpload>`)).body.toString();
      // S3 may answer 200 and still fail the completion, with an <Error> in the body.
      if (/<Error>/.test(completed)) throw s3Error('POST', bucket, key, 200, 'OK', completed);
    } catch (error) {
      await this.send('DELETE', bucket, key, { uploadId }).catch(() => undefined);
      throw error;
    }
  }

  async getObject(bucket: string, key: string): Promise<Buffer> {
    return (await this.send('GET', bucket, key)).body;
  }

  /**
   * The object's bytes as a stream: the connection's own bytes after the headers (rawGet), which the artifact
   * endpoint writes to its socket from the buffers they were read into. Through fetch's web stream the endpoint spent three times the CPU per
   * byte, and through node:http's parser (which copies every chunk) about twice (bench/artifact-download.ts). An
   * answer rawGet does not take (chunked) is read with node:http. Errors are read as `send` reads them.
   */
  async openObject(bucket: string, key: string): Promise<ObjectStream> {
    const url = this.urlOf(bucket, key);
    const headers = signRequest({ method: 'GET', url, headers: {}, payloadHash: unsignedPayload }, this.options.credentials, this.region, new Date());
    const raw = await rawGet(url, headers, this.options.ca).catch((error: NodeJS.ErrnoException) => {
      throw connectionError('GET', `${url.host}/${bucket}/${key}`, error);
    });
    if (raw !== 'unsupported') {
      if (raw.status < 200 || raw.status > 299) {
        let text = '';
        for await (const chunk of raw.body) text += chunk;
        throw s3Error('GET', bucket, key, raw.status, raw.statusText, text);
      }
      return {
        body: raw.body,
        size: Number(raw.headers['content-length']),
        ...(raw.headers['content-type'] ? { contentType: raw.headers['content-type'] } : {}),
      };
    }
    const response = await new Promise<IncomingMessage>((resolve, reject) => {
      const request = this.request(url, { headers }, resolve);
      request.once('error', (error: NodeJS.ErrnoException) => reject(connectionError('GET', `${url.host}/${bucket}/${key}`, error)));
      request.end();
    });
    const status = response.statusCode ?? 0;
    if (status < 200 || status > 299) {
      let text = '';
      for await (const chunk of response) text += chunk;
      throw s3Error('GET', bucket, key, status, response.statusMessage ?? '', text);
    }
    const length = response.headers['content-length'];
    return {
      body: response,
      ...(length ? { size: Number(length) } : {}),
      ...(response.headers['content-type'] ? { contentType: response.headers['content-type'] } : {}),
    };
  }

  /** The object's headers (size, ETag, content type, server-side encryption) without its bytes. */
  async headObject(bucket: string, key: string): Promise<IncomingHttpHeaders> {
    return (await this.send('HEAD', bucket, key)).headers;
  }

  async deleteObject(bucket: string, key: string): Promise<void> {
    await this.send('DELETE', bucket, key);
  }

  /** Every key under a prefix, following continuation tokens. */
  async listKeys(bucket: string, prefix = ''): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      // An empty prefix filters nothing: it is left out.
      const query: Record<string, string> = { 'list-type': '2', ...(prefix ? { prefix } : {}), ...(token ? { 'continuation-token': token } : {}) };
      const xml = (await this.send('GET', bucket, '', query)).body.toString();
      keys.push(...[...xml.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => decodeXml(m[1]!)));
      token = /<IsTruncated>true<\/IsTruncated>/.test(xml) ? /<NextContinuationToken>([^<]*)<\/NextContinuationToken>/.exec(xml)?.[1] : undefined;
    } while (token);
    return keys;
  }
}

/** A request that got no answer: the socket's error code, and what to do about a certificate not trusted. */
function connectionError(method: string, where: string, error: NodeJS.ErrnoException): ApiError {
  const code = error.code ?? error.message;
  const hint = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code) ? ' (the endpoint\'s certificate is not trusted: name the CA that signed it in the repository\'s caSecret)' : '';
  return new ApiError(GrpcCode.Unavailable, `s3 ${method} ${where}: ${code}${hint}`);
}

/** S3's error answer as an ApiError: its XML `Code` and `Message` when it has them. */
function s3Error(method: string, bucket: string, key: string, status: number, statusText: string, body: string): ApiError {
  const code = /<Code>([^<]+)<\/Code>/.exec(body)?.[1] ?? String(status);
  const message = /<Message>([^<]+)<\/Message>/.exec(body)?.[1] ?? statusText;
  const grpc = status === 404 ? GrpcCode.NotFound : status === 403 ? GrpcCode.PermissionDenied : GrpcCode.Unavailable;
  return new ApiError(grpc, `s3 ${method} ${bucket}/${key}: ${code}: ${message}`);
}

function decodeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
