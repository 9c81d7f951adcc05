import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { hashPayload, signRequest } from './sigv4';
import { startTlsMinio } from './testing/artifact-bed';
import { s3EncryptionHeaders } from '@/lib/artifacts/s3-encryption';
import { testBed } from '../testing/test-bed';
import { S3Client } from './s3-client';

// Against the test bed's MinIO server.
it('creates a bucket, writes, lists, reads and deletes objects in MinIO', async () => {
  const s3 = testBed().s3();
  const client = new S3Client({ endpoint: s3.endpoint, credentials: { accessKey: s3.accessKey, secretKey: s3.secretKey } });
  const bucket = `capstan-it-${Date.now()}`;
  await client.createBucket(bucket);
  await client.putObject(bucket, 'runs/hello world/main.log', 'hello from capstan\n');
  await client.putObject(bucket, 'runs/other.tgz', Buffer.from([0, 1, 2, 255]));
  expect(await client.listKeys(bucket, 'runs/')).toEqual(['runs/hello world/main.log', 'runs/other.tgz']);
  expect((await client.getObject(bucket, 'runs/hello world/main.log')).toString()).toBe('hello from capstan\n');
  expect([...(await client.getObject(bucket, 'runs/other.tgz'))]).toEqual([0, 1, 2, 255]);
  await client.deleteObject(bucket, 'runs/other.tgz');
  await expect(client.getObject(bucket, 'runs/other.tgz')).rejects.toMatchObject({ code: 5 });
  const bad = new S3Client({ endpoint: s3.endpoint, credentials: { accessKey: s3.accessKey, secretKey: 'wrong' } });
  await expect(bad.listKeys(bucket)).rejects.toMatchObject({ code: 7 });
});

it("streams an object's bytes straight from the connection: exact bytes, empty objects, S3's errors", async () => {
  const s3 = testBed().s3();
  const client = new S3Client({ endpoint: s3.endpoint, credentials: { accessKey: s3.accessKey, secretKey: s3.secretKey } });
  const bucket = `capstan-open-${Date.now()}`;
  await client.createBucket(bucket);
  const bytes = Buffer.alloc(3 * 1024 * 1024 + 7);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + (i >> 9)) & 255;
  await client.putObject(bucket, 'dir/a file+name.bin', bytes);
  await client.putObject(bucket, 'empty', '');
  const read = async (key: string) => {
    const object = await client.openObject(bucket, key);
    const chunks: Buffer[] = [];
    for await (const chunk of object.body) chunks.push(chunk as Buffer);
    return { size: object.size, bytes: Buffer.concat(chunks) };
  };
  const big = await read('dir/a file+name.bin');
  expect(big.size).toBe(bytes.length);
  expect(big.bytes.equals(bytes)).toBe(true);
  expect(await read('empty')).toEqual({ size: 0, bytes: Buffer.alloc(0) });
  await expect(client.openObject(bucket, 'missing')).rejects.toMatchObject({ code: 5, message: expect.stringMatching(/NoSuchKey/) });
  const bad = new S3Client({ endpoint: s3.endpoint, credentials: { accessKey: s3.accessKey, secretKey: 'wrong' } });
  await expect(bad.openObject(bucket, 'empty')).rejects.toMatchObject({ code: 7 });
  const closed = new S3Client({ endpoint: 'http://127.0.0.1:1', credentials: { accessKey: 'a', secretKey: 'b' } });
  await expect(closed.openObject(bucket, 'empty')).rejects.toMatchObject({ code: 14, message: expect.stringMatching(/ECONNREFUSED/) });
});

it('uploads a file larger than a part as a multipart upload, and aborts one S3 refuses, leaving no parts behind', async () => {
  const s3 = testBed().s3();
  const credentials = { accessKey: s3.accessKey, secretKey: s3.secretKey };
  const client = new S3Client({ endpoint: s3.endpoint, credentials });
  const bucket = `capstan-multipart-${Date.now()}`;
  await client.createBucket(bucket);
  const dir = mkdtempSync(join(tmpdir(), 'capstan-multipart-'));
  try {
    const mib = 1024 * 1024;
    const bytes = Buffer.alloc(11 * mib + 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7 + (i >> 12)) & 255;
    const file = join(dir, 'big.bin');
    writeFileSync(file, bytes);
    await client.putFile(bucket, 'out/big.bin', file, { partBytes: 5 * mib });
    const object = await client.openObject(bucket, 'out/big.bin');
    const chunks: Buffer[] = [];
    for await (const chunk of object.body) chunks.push(Buffer.from(chunk as Buffer));
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    // A multipart object's ETag ends with its part count.
    expect(await signedFetch(s3.endpoint, credentials, 'HEAD', `/${bucket}/out/big.bin`).then((r) => r.headers.get('etag'))).toMatch(/-3"$/);

    // Parts under S3's 5 MiB minimum: the completion is refused, the error says why, and the upload is aborted.
    await expect(client.putFile(bucket, 'out/small-parts.bin', file, { partBytes: 2 * mib })).rejects.toMatchObject({ message: expect.stringMatching(/EntityTooSmall/) });
    const uploads = await (await signedFetch(s3.endpoint, credentials, 'GET', `/${bucket}?uploads=`)).text();
    expect(uploads).not.toMatch(/<Upload>/);
    expect(await client.listKeys(bucket)).toEqual(['out/big.bin']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function signedFetch(endpoint: string, credentials: { accessKey: string; secretKey: string }, method: string, path: string): Promise<Response> {
  const url = new URL(path, endpoint);
  const headers = signRequest({ method, url, headers: {}, payloadHash: hashPayload('') }, credentials, 'us-east-1', new Date());
  return fetch(url, { method, headers });
}

it("reaches an S3 endpoint over TLS whose certificate only the given CA trusts (the repository's caSecret), with server-side encryption", async () => {
  const s3 = testBed().s3();
  const credentials = { accessKey: s3.accessKey, secretKey: s3.secretKey };
  const tls = await startTlsMinio();
  const dir = mkdtempSync(join(tmpdir(), 'capstan-tls-s3-'));
  try {
    const client = new S3Client({ endpoint: tls.endpoint, credentials, ca: tls.ca });
    const bucket = `capstan-tls-${Date.now()}`;
    await client.createBucket(bucket);
    const bytes = Buffer.alloc(6 * 1024 * 1024 + 5);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 13 + (i >> 10)) & 255;
    const file = join(dir, 'file.bin');
    writeFileSync(file, bytes);
    await client.putFile(bucket, 'single.bin', file);
    await client.putFile(bucket, 'parts.bin', file, { partBytes: 5 * 1024 * 1024 });
    for (const key of ['single.bin', 'parts.bin']) {
      const object = await client.openObject(bucket, key);
      const chunks: Buffer[] = [];
      for await (const chunk of object.body) chunks.push(Buffer.from(chunk as Buffer));
      expect(Buffer.concat(chunks).equals(bytes), key).toBe(true);
    }
    expect(await client.listKeys(bucket)).toEqual(['parts.bin', 'single.bin']);

    // Server-side encryption as a repository's encryptionOptions ask for it: SSE-S3, and SSE-KMS on a multipart upload.
    const sseS3 = new S3Client({ endpoint: tls.endpoint, credentials, ca: tls.ca, uploadHeaders: s3EncryptionHeaders({ enableEncryption: true }) });
    await sseS3.putFile(bucket, 'sse-s3.bin', file);
    expect((await client.headObject(bucket, 'sse-s3.bin'))['x-amz-server-side-encryption']).toBe('AES256');
    const sseKms = new S3Client({ endpoint: tls.endpoint, credentials, ca: tls.ca, uploadHeaders: s3EncryptionHeaders({ enableEncryption: true, kmsKeyId: tls.kmsKeyId }) });
    await sseKms.putFile(bucket, 'sse-kms.bin', file, { partBytes: 5 * 1024 * 1024 });
    expect((await client.headObject(bucket, 'sse-kms.bin'))['x-amz-server-side-encryption']).toBe('aws:kms');
    for (const key of ['sse-s3.bin', 'sse-kms.bin']) {
      const object = await client.openObject(bucket, key);
      const chunks: Buffer[] = [];
      for await (const chunk of object.body) chunks.push(Buffer.from(chunk as Buffer));
      expect(Buffer.concat(chunks).equals(bytes), key).toBe(true);
    }
    expect((await client.headObject(bucket, 'single.bin'))['x-amz-server-side-encryption']).toBeUndefined();

    const untrusting = new S3Client({ endpoint: tls.endpoint, credentials });
    await expect(untrusting.listKeys(bucket)).rejects.toMatchObject({ code: 14, message: expect.stringMatching(/certificate is not trusted: name the CA that signed it in the repository's caSecret/) });
    await expect(untrusting.openObject(bucket, 'single.bin')).rejects.toMatchObject({ code: 14, message: expect.stringMatching(/caSecret/) });
  } finally {
    await tls.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
