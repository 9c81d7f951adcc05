import { handleArtifactRoute } from '@/server/artifacts/artifact-routes';

// argo-server's artifact endpoint /artifacts-by-uid/{uid}/{nodeId}/{artifactName}, with the same path.
export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ uid: string; nodeId: string; artifactName: string }> };

export async function GET(request: Request, { params }: Context) {
  return handleArtifactRoute(request, await params, 'outputs');
}
