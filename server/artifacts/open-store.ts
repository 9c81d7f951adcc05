import { ApiError, GrpcCode } from '@/lib/api-error';
import { keyOf, storeKindOf } from '@/lib/artifacts/artifact-location';
import { S3EncryptionError, s3EncryptionHeaders } from '@/lib/artifacts/s3-encryption';
import type { Artifact, ArtifactLocation, SecretKeySelector } from '@/lib/generated/argo';
import { type ArtifactStore, LocalDirectoryStore, S3Store } from './artifact-store';
import type { ConfigSource } from './config-source';
import { S3Client } from './s3-client';

/** What opening a store needs besides the artifact: where Secrets are read and embedded mode's local folder. */
export interface StoreContext {
  /** The workflow's namespace: Secrets named by the repository are read there, as argoexec reads them in its pod. */
  namespace: string;
  secrets: ConfigSource;
  /** Embedded mode's local repository, used when the workflow has none configured. */
  localRoot?: string;
}

/** An artifact's store and its key in it. */
export interface StoreAndKey {
  store: ArtifactStore;
  key: string;
}

/** Thrown for stores Capstan accepts in specs but cannot read or write; the node fails with this message. */
export class UnsupportedStoreError extends ApiError {
  constructor(kind: string) {
    super(GrpcCode.Unimplemented, `${kind} artifacts are not supported by Capstan yet: use s3 (AWS S3, MinIO, or any S3-compatible store such as GCS's interoperability endpoint), http, git or raw`);
  }
}

/**
 * The store an artifact (already relocated into its repository) lives in, or the local folder for a key-only
 * artifact when no repository is configured. S3 credentials come from the Secrets the location names.
 */
export async function openStore(artifact: Artifact | ArtifactLocation, context: StoreContext): Promise<StoreAndKey> {
  const kind = storeKindOf(artifact);
  const key = keyOf(artifact) ?? '';
  const s3 = (artifact as Artifact).s3;
  if (kind === 's3' && s3?.bucket && s3.endpoint) {
    const accessKey = await readSecret(s3.accessKeySecret, context, 'accessKeySecret');
    const secretKey = await readSecret(s3.secretKeySecret, context, 'secretKeySecret');
    const sessionToken = s3.sessionTokenSecret ? await readSecret(s3.sessionTokenSecret, context, 'sessionTokenSecret') : undefined;
    const ca = s3.caSecret ? await readSecret(s3.caSecret, context, 'caSecret') : undefined;
    let uploadHeaders: Record<string, string>;
    try {
      uploadHeaders = s3EncryptionHeaders(s3.encryptionOptions);
    } catch (error) {
      if (error instanceof S3EncryptionError) throw new ApiError(GrpcCode.InvalidArgument, error.message);
      throw error;
    }
    const endpoint = /^https?:\/\//.test(s3.endpoint) ? s3.endpoint : `${s3.insecure ? 'http' : 'https'}://${s3.endpoint}`;
    const client = new S3Client({
      endpoint,
      ...(s3.region ? { region: s3.region } : {}),
      credentials: {
        accessKey: accessKey ?? process.env.AWS_ACCESS_KEY_ID ?? '',
        secretKey: secretKey ?? process.env.AWS_SECRET_ACCESS_KEY ?? '',
        ...(sessionToken ? { sessionToken } : {}),
      },
      ...(ca ? { ca } : {}),
      uploadHeaders,
    });
    return { store: new S3Store(client, s3.bucket, endpoint, s3.createBucketIfNotPresent), key };
  }
  if ((kind === 's3' || kind === undefined) && context.localRoot) {
    return { store: new LocalDirectoryStore(context.localRoot), key };
  }
  if (kind === 's3') {
    throw new ApiError(GrpcCode.FailedPrecondition, 'the artifact has only a key and the workflow has no artifact repository: configure one (artifactRepository in the controller ConfigMap, or an artifact-repositories ConfigMap)');
  }
  throw new UnsupportedStoreError(kind ?? 'unknown');
}

async function readSecret(selector: SecretKeySelector | undefined, context: StoreContext, field: string): Promise<string | undefined> {
  if (!selector?.name) return undefined;
  const secret = await context.secrets.secret(context.namespace, selector.name);
  if (!secret) throw new ApiError(GrpcCode.FailedPrecondition, `${field}: secret "${selector.name}" not found in namespace ${context.namespace}`);
  const value = secret[selector.key];
  if (value === undefined) throw new ApiError(GrpcCode.FailedPrecondition, `${field}: secret "${selector.name}" has no key "${selector.key}"`);
  return value;
}
