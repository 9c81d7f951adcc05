import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ApiError, GrpcCode } from '@/lib/api-error';
import type { ObjectStream, S3Client } from './s3-client';

/** Where a repository's objects live: an S3 bucket, or embedded mode's local folder. Keys use `/`. */
export interface ArtifactStore {
  /** A short description for messages, e.g. `s3://bucket` or the folder. */
  readonly where: string;
  /** Streams one object; a NotFound ApiError when there is none. */
  open(key: string): Promise<ObjectStream>;
  /** Uploads a local file as one object. */
  save(key: string, file: string): Promise<void>;
  /** Every key under `prefix`. */
  list(prefix: string): Promise<string[]>;
  delete(key: string): Promise<void>;
}

export class S3Store implements ArtifactStore {
  readonly where: string;
  private bucketReady: Promise<void> | undefined;

  /** `createBucket`: the repository's `createBucketIfNotPresent`; the bucket is created before the first save if missing. */
  constructor(private readonly client: S3Client, private readonly bucket: string, endpoint: string, private readonly createBucket?: { objectLocking?: boolean }) {
    this.where = `s3://${bucket} at ${endpoint}`;
  }

  open(key: string): Promise<ObjectStream> {
    return this.client.openObject(this.bucket, key);
  }

  async save(key: string, file: string): Promise<void> {
    if (this.createBucket) await (this.bucketReady ??= this.ensureBucket(this.createBucket));
    await this.client.putFile(this.bucket, key, file);
  }

  private async ensureBucket(options: { objectLocking?: boolean }): Promise<void> {
    try {
      if (await this.client.bucketExists(this.bucket)) return;
      // Another step may create it between the check and here: S3 then answers that it is already ours.
      await this.client.createBucket(this.bucket, options).catch((error: unknown) => {
        if (!(error instanceof Error && /BucketAlreadyOwnedByYou/.test(error.message))) throw error;
      });
    } catch (error) {
      this.bucketReady = undefined;
      throw error;
    }
  }

  list(prefix: string): Promise<string[]> {
    return this.client.listKeys(this.bucket, prefix);
  }

  async delete(key: string): Promise<void> {
    await this.client.deleteObject(this.bucket, key);
  }
}

/**
 * Embedded mode's default repository: objects as files under a folder (`<data dir>/artifacts`), keys as paths.
 * A key can never reach outside the folder.
 */
export class LocalDirectoryStore implements ArtifactStore {
  readonly where: string;

  constructor(private readonly root: string) {
    this.where = root;
  }

  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(`${resolve(this.root)}${sep}`)) throw new ApiError(GrpcCode.InvalidArgument, `artifact key "${key}" leaves the repository`);
    return path;
  }

  async open(key: string): Promise<ObjectStream> {
    const path = this.pathOf(key);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) throw new ApiError(GrpcCode.NotFound, `no artifact at key "${key}" in ${this.root}`);
    return { body: createReadStream(path), size: info.size };
  }

  async save(key: string, file: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    await copyFile(file, path);
  }

  async list(prefix: string): Promise<string[]> {
    const trimmed = prefix.replace(/\/+$/, '');
    const base = trimmed ? this.pathOf(trimmed) : resolve(this.root);
    if ((await stat(base).catch(() => undefined))?.isFile()) return [trimmed];
    const entries = await readdir(base, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries
      .filter((e) => e.isFile())
      .map((e) => relative(resolve(this.root), join(e.parentPath, e.name)).split(sep).join('/'))
      .filter((key) => key.startsWith(prefix))
      .sort();
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
