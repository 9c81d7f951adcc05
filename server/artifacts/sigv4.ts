import { createHash, createHmac } from 'node:crypto';

export interface SigningRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** SHA-256 hex of the body, or `UNSIGNED-PAYLOAD`. */
  payloadHash: string;
}

export interface Credentials {
  accessKey: string;
  secretKey: string;
  sessionToken?: string;
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

// S3 wants every byte except unreserved ones percent-encoded, and `/` kept in paths.
function encodeRfc3986(value: string, keepSlash: boolean): string {
  const encoded = encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return keepSlash ? encoded.replace(/%2F/g, '/') : encoded;
}

/** The SHA-256 hex digest of a request body. */
export function hashPayload(body: string | Buffer): string {
  return sha256(body);
}

/**
 * Signs a request with AWS Signature Version 4 and returns the headers to send
 * (`authorization`, `x-amz-date`, `x-amz-content-sha256`, plus the ones given).
 */
export function signRequest(request: SigningRequest, credentials: Credentials, region: string, now: Date, service = 's3') {
  const amzDate = now.toISOString().replace(/[:-]|\.\d{3}/g, '');
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {
    ...Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v.trim()])),
    host: request.url.host,
    'x-amz-date': amzDate,
    'x-amz-content-sha256': request.payloadHash,
    ...(credentials.sessionToken ? { 'x-amz-security-token': credentials.sessionToken } : {}),
  };
  const signedNames = Object.keys(headers).sort();
  const canonicalQuery = [...request.url.searchParams.entries()]
    .map(([k, v]) => [encodeRfc3986(k, false), encodeRfc3986(v, false)])
    .sort(([a, av], [b, bv]) => (a === b ? (av! < bv! ? -1 : 1) : a! < b! ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const canonicalPath = encodeRfc3986(decodeURIComponent(request.url.pathname), true);
  const canonicalRequest = [
    request.method.toUpperCase(),
    canonicalPath,
    canonicalQuery,
    signedNames.map((n) => `${n}:${headers[n]}\n`).join(''),
    signedNames.join(';'),
    request.payloadHash,
  ].join('\n');
  const scope = `${day}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${credentials.secretKey}`, day), region), service), 'aws4_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  delete headers.host;
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${credentials.accessKey}/${scope}, SignedHeaders=${signedNames.join(';')}, Signature=${signature}`;
  return headers;
}
