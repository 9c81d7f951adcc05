import { ApiError, GrpcCode } from '@/lib/api-error';
import { errorResponse } from '../api/respond';
import { clusterFor } from '../auth/cluster-for-request';
import { requireSegment, toArtifactFilePath } from './artifact-paths';
import { type ArtifactReply, serveArtifact } from './artifact-server';

/** Path parameters of the artifact endpoints; which ones depends on the endpoint. */
export interface ArtifactRouteParams {
  namespace?: string;
  name?: string;
  uid?: string;
  discriminator?: string;
  id?: string;
  nodeId: string;
  direction?: string;
  artifactName: string;
  path?: string[];
}

/**
 * The one handler behind every artifact endpoint (`/artifacts`, `/input-artifacts`, their `-by-uid` forms and
 * `/artifact-files`): validates the path, reads as the caller, streams the artifact. Errors are Argo's JSON body.
 */
export async function handleArtifactRoute(request: Request, params: ArtifactRouteParams, direction: 'outputs' | 'inputs' | 'path'): Promise<ArtifactReply> {
  try {
    const url = new URL(request.url);
    const nodeId = requireSegment(params.nodeId, 'node ID');
    const artifactName = requireSegment(params.artifactName, 'artifact name');
    let workflow: { name: string } | { uid: string };
    let resolvedDirection: 'outputs' | 'inputs';
    if (direction === 'path') {
      if (params.discriminator !== 'workflows' && params.discriminator !== 'archived-workflows') {
        throw new ApiError(GrpcCode.InvalidArgument, `expected workflows or archived-workflows, not ${JSON.stringify(params.discriminator)}`);
      }
      if (params.direction !== 'outputs' && params.direction !== 'inputs') {
        throw new ApiError(GrpcCode.InvalidArgument, `expected outputs or inputs, not ${JSON.stringify(params.direction)}`);
      }
      const id = requireSegment(params.id ?? '', params.discriminator === 'workflows' ? 'workflow name' : 'workflow uid');
      workflow = params.discriminator === 'workflows' ? { name: id } : { uid: id };
      resolvedDirection = params.direction;
    } else {
      workflow = params.uid !== undefined ? { uid: requireSegment(params.uid, 'workflow uid') } : { name: requireSegment(params.name ?? '', 'workflow name') };
      resolvedDirection = direction;
    }
    return await serveArtifact((await clusterFor(request)), {
      namespace: params.namespace ? requireSegment(params.namespace, 'namespace') : '',
      workflow,
      nodeId,
      direction: resolvedDirection,
      artifactName,
      filePath: toArtifactFilePath(params.path?.map((segment) => decodeURIComponent(segment))),
      listing: direction === 'path' && url.pathname.endsWith('/'),
      download: url.searchParams.has('download'),
    });
  } catch (error) {
    const response = errorResponse(error);
    return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
  }
}
