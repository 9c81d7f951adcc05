import { expect, it } from 'vitest';
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
