import { handleArtifactRoute } from '@/server/artifacts/artifact-routes';

// argo-server's artifact endpoint /artifact-files/{namespace}/{discriminator}/{id}/{nodeId}/{direction}/{artifactName}/{path...}, with the same path.
export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string; discriminator: string; id: string; nodeId: string; direction: string; artifactName: string; path?: string[] }> };

export async function GET(request: Request, { params }: Context) {
  return handleArtifactRoute(request, await params, 'path');
}
