import type { Readable } from 'node:stream';
import { ApiError, GrpcCode, isApiError } from '@/lib/api-error';
import { relocate } from '@/lib/artifacts/artifact-key';
import { toArchiveLocation } from '@/lib/artifacts/artifact-location';
import { repositoryOf } from '@/lib/artifacts/resolve-repository';
import { renderDirectoryListing, toDirectoryEntries } from '@/lib/artifacts/directory-listing';
import { contentTypeOf } from '@/lib/artifacts/content-type';
import type { Artifact, Workflow } from '@/lib/generated/argo';
import type { KubeObject } from '@/lib/k8s/object';
import { findArchive } from '../archive/archive-runtime';
import type { ClusterPort } from '../cluster/cluster-port';
import { findArtifactRuntime } from './artifact-runtime';
import type { ObjectStream } from './s3-client';
import { openStore } from './open-store';
import { listTarEntries, openTarEntry } from './tar-entries';

/** One artifact request, as argo-server's artifact endpoints take it. */
export interface ArtifactRequest {
  namespace: string;
  /** A live workflow by name, or an archived one by uid. */
  workflow: { name: string } | { uid: string };
  nodeId: string;
  direction: 'outputs' | 'inputs';
  artifactName: string;
  /** A file inside the artifact (artifact-files): a packed directory's entry, or an object under a `none` directory. */
  filePath?: string;
  /** The URL ended with `/`: list the directory. */
  listing?: boolean;
  /** Send as an attachment instead of for display. */
  download?: boolean;
}

/** What an artifact endpoint answers: its bytes as a Node stream (piped to the socket), or a small text. */
export interface ArtifactReply {
  status: number;
  headers: Record<string, string>;
  body?: Readable | string;
}

/**
 * Serves an artifact's bytes or a directory listing, as argo-server's ArtifactServer: the workflow is read as the
 * caller (so their RBAC applies), the artifact found on its node and relocated into the workflow's repository,
 * and its bytes streamed from the store without being held in memory. Beyond Argo, files inside a tar.gz
 * artifact are listed and served too, so a packed report can be browsed.
 */
export async function serveArtifact(cluster: ClusterPort, request: ArtifactRequest): Promise<ArtifactReply> {
  const workflow = await readWorkflow(cluster, request);
  const node = workflow.status?.nodes?.[request.nodeId];
  if (!node) throw new ApiError(GrpcCode.NotFound, `node ${request.nodeId} not found in workflow ${request.namespace}/${workflow.metadata.name}`);
  const artifacts = (request.direction === 'inputs' ? node.inputs?.artifacts : node.outputs?.artifacts) ?? [];
  const artifact = artifacts.find((a) => a.name === request.artifactName);
  if (!artifact) throw new ApiError(GrpcCode.NotFound, `artifact not found: ${request.artifactName} (${request.direction} of node ${request.nodeId})`);
  if (artifact.raw) return rawResponse(artifact, request);
  if (artifact.http || artifact.git) throw new ApiError(GrpcCode.Unimplemented, `artifact ${artifact.name} is ${artifact.http ? 'an HTTP' : 'a Git'} input: fetch it from its source`);

  const runtime = findArtifactRuntime();
  if (!runtime) throw new ApiError(GrpcCode.Unavailable, 'artifacts are not available yet: Capstan is starting');
  const location = toArchiveLocation(repositoryOf(workflow.status?.artifactRepositoryRef, undefined));
  const { store, key } = await openStore(relocate(artifact, location), { namespace: request.namespace, secrets: runtime.secrets, localRoot: runtime.localRoot });
  if (!key) throw new ApiError(GrpcCode.NotFound, `artifact ${artifact.name} has no key`);

  // argoexec names packed outputs `<name>.tgz`: those can be browsed inside.
  const isTarball = /\.(tgz|tar\.gz)$/.test(key);
  if (isTarball && (request.filePath || request.listing)) {
    if (request.listing) {
      const entries = await listTarEntries((await store.open(key)).body);
      const prefix = request.filePath ? `${request.filePath}/` : '';
      const names = entries.filter((e) => e.type === 'file' && e.name.startsWith(prefix)).map((e) => e.name.slice(prefix.length));
      return listingResponse(names);
    }
    const entry = await openTarEntry((await store.open(key)).body, request.filePath!);
    if (!entry) throw new ApiError(GrpcCode.NotFound, `no file ${request.filePath} in artifact ${artifact.name}`);
    return streamResponse({ body: entry }, request.filePath!, request.download);
  }

  const objectKey = request.filePath ? `${key.replace(/\/+$/, '')}/${request.filePath}` : key;
  if (request.listing) {
    const prefix = `${objectKey.replace(/\/+$/, '')}/`;
    const keys = await store.list(prefix);
    if (keys.length === 0) throw new ApiError(GrpcCode.NotFound, `artifact ${artifact.name} has no directory ${request.filePath ?? ''}`);
    return listingResponse(keys.map((k) => k.slice(prefix.length)));
  }
  try {
    return streamResponse(await store.open(objectKey), objectKey, request.download);
  } catch (error) {
    // A directory saved with `archive: none`: the caller should ask for its listing.
    if (isApiError(error) && error.code === GrpcCode.NotFound && (await store.list(`${objectKey.replace(/\/+$/, '')}/`)).length > 0) {
      throw new ApiError(GrpcCode.NotFound, `artifact ${artifact.name} is a directory: add a trailing / to list it`);
    }
    throw error;
  }
}

async function readWorkflow(cluster: ClusterPort, request: ArtifactRequest): Promise<Workflow> {
  if ('name' in request.workflow) return cluster.get<Workflow & KubeObject>('workflows', request.namespace, request.workflow.name);
  const archive = findArchive();
  if (!archive) throw new ApiError(GrpcCode.NotFound, 'the workflow archive is off: archived workflows have no artifacts to serve');
  const workflow = await archive.get({ uid: request.workflow.uid });
  if (!workflow) throw new ApiError(GrpcCode.NotFound, 'workflow not yet archived');
  const namespace = workflow.metadata.namespace ?? '';
  // The by-uid endpoints name no namespace; artifact-files does, and it must match.
  if (request.namespace && namespace !== request.namespace) throw new ApiError(GrpcCode.InvalidArgument, 'the workflow is not in this namespace');
  request.namespace = namespace;
  // The caller must be allowed to read workflows in its namespace, as argo-server's validateAccess.
  await cluster.list('workflows', namespace, { limit: 1 });
  return workflow;
}

// Argo's defence in depth for content served from artifacts: scripts never run with the dashboard's origin.
function securityHeaders(): Record<string, string> {
  return {
    'content-security-policy': process.env.ARGO_ARTIFACT_CONTENT_SECURITY_POLICY
      ?? "sandbox allow-same-origin; base-uri 'none'; default-src 'none'; img-src 'self'; style-src 'self' 'unsafe-inline'",
    'x-frame-options': process.env.ARGO_ARTIFACT_X_FRAME_OPTIONS ?? 'SAMEORIGIN',
    'x-content-type-options': 'nosniff',
  };
}

function streamResponse(object: ObjectStream, key: string, download: boolean | undefined): ArtifactReply {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const headers: Record<string, string> = {
    ...securityHeaders(),
    'content-type': contentTypeOf(name),
    'content-disposition': `${download ? 'attachment; ' : ''}filename="${name.replace(/["\\\r\n]/g, '_')}"`,
  };
  if (object.size !== undefined) headers['content-length'] = String(object.size);
  return { status: 200, headers, body: object.body };
}

function listingResponse(names: string[]): ArtifactReply {
  const entries = toDirectoryEntries(names);
  if (entries.includes('index.html')) return { status: 307, headers: { location: './index.html' } };
  return { status: 200, headers: { ...securityHeaders(), 'content-type': 'text/html; charset=utf-8' }, body: renderDirectoryListing(entries) };
}

function rawResponse(artifact: Artifact, request: ArtifactRequest): ArtifactReply {
  const name = artifact.path?.slice(artifact.path.lastIndexOf('/') + 1) || artifact.name;
  return {
    status: 200,
    headers: { ...securityHeaders(), 'content-type': contentTypeOf(name), 'content-disposition': `${request.download ? 'attachment; ' : ''}filename="${name.replace(/["\\\r\n]/g, '_')}"` },
    body: artifact.raw!.data,
  };
}

