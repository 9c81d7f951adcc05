import type { S3EncryptionOptions } from '@/lib/generated/argo';

/** Why a repository's `encryptionOptions` cannot be honoured; the node fails with this message. */
export class S3EncryptionError extends Error {}

/**
 * The headers an upload (a PUT, or the start of a multipart upload) carries for a repository's
 * `encryptionOptions`, as Argo's S3 driver asks for them: nothing unless `enableEncryption`; then SSE-KMS with
 * `kmsKeyId` (and `kmsEncryptionContext`, a JSON object, sent base64-encoded), else SSE-S3. Reads need no headers
 * for either: S3 decrypts them itself. SSE-C (`serverSideCustomerKeySecret`) is refused with a clear message:
 * Argo derives its key with Argon2id from the secret and the object's name, which Capstan does not do yet.
 */
export function s3EncryptionHeaders(options: S3EncryptionOptions | undefined): Record<string, string> {
  if (!options?.enableEncryption) return {};
  if (options.serverSideCustomerKeySecret?.name) {
    if (options.kmsKeyId) throw new S3EncryptionError('encryptionOptions: serverSideCustomerKeySecret and kmsKeyId cannot be set together');
    throw new S3EncryptionError('encryptionOptions: serverSideCustomerKeySecret (SSE-C) is not supported by Capstan yet: use kmsKeyId (SSE-KMS) or neither (SSE-S3)');
  }
  if (!options.kmsKeyId) return { 'x-amz-server-side-encryption': 'AES256' };
  const headers: Record<string, string> = { 'x-amz-server-side-encryption': 'aws:kms', 'x-amz-server-side-encryption-aws-kms-key-id': options.kmsKeyId };
  if (options.kmsEncryptionContext) {
    let context: unknown;
    try {
      context = JSON.parse(options.kmsEncryptionContext);
    } catch {
      throw new S3EncryptionError(`encryptionOptions: kmsEncryptionContext is not JSON: ${options.kmsEncryptionContext}`);
    }
    if (typeof context !== 'object' || context === null || Array.isArray(context)) {
      throw new S3EncryptionError('encryptionOptions: kmsEncryptionContext must be a JSON object of strings');
    }
    headers['x-amz-server-side-encryption-context'] = base64OfUtf8(JSON.stringify(context));
  }
  return headers;
}

function base64OfUtf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
