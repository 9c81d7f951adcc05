import { describe, expect, it } from 'vitest';
import { S3EncryptionError, s3EncryptionHeaders } from './s3-encryption';

describe('s3EncryptionHeaders', () => {
  it('asks for nothing unless enableEncryption is true', () => {
    expect(s3EncryptionHeaders(undefined)).toEqual({});
    expect(s3EncryptionHeaders({ kmsKeyId: 'k' })).toEqual({});
    expect(s3EncryptionHeaders({ enableEncryption: false, kmsKeyId: 'k' })).toEqual({});
  });

  it('uses SSE-S3 without a KMS key, SSE-KMS with one, and sends the context base64-encoded', () => {
    expect(s3EncryptionHeaders({ enableEncryption: true })).toEqual({ 'x-amz-server-side-encryption': 'AES256' });
    expect(s3EncryptionHeaders({ enableEncryption: true, kmsKeyId: 'my-key', kmsEncryptionContext: '{"team": "data"}' })).toEqual({
      'x-amz-server-side-encryption': 'aws:kms',
      'x-amz-server-side-encryption-aws-kms-key-id': 'my-key',
      'x-amz-server-side-encryption-context': Buffer.from('{"team":"data"}').toString('base64'),
    });
  });

  it('refuses SSE-C, SSE-C with a KMS key, and a context that is not a JSON object', () => {
    const secret = { name: 'sse-c', key: 'key' };
    expect(() => s3EncryptionHeaders({ enableEncryption: true, serverSideCustomerKeySecret: secret })).toThrow(/SSE-C\) is not supported by Capstan yet/);
    expect(() => s3EncryptionHeaders({ enableEncryption: true, serverSideCustomerKeySecret: secret, kmsKeyId: 'k' })).toThrow(/cannot be set together/);
    expect(() => s3EncryptionHeaders({ enableEncryption: true, kmsKeyId: 'k', kmsEncryptionContext: 'team=data' })).toThrow(S3EncryptionError);
    expect(() => s3EncryptionHeaders({ enableEncryption: true, kmsKeyId: 'k', kmsEncryptionContext: '["a"]' })).toThrow(/JSON object/);
  });
});
