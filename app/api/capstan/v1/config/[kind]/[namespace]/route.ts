import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { configKindOf, configStore } from '@/server/embedded/config-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ kind: string; namespace: string }> };

/** Embedded mode's ConfigMaps or Secrets for a namespace (Secrets with their keys only). */
export async function GET(request: Request, { params }: Context) {
  return respond(async () => {
    await clusterFor(request);
    const { kind, namespace } = await params;
    return { items: await configStore().list(configKindOf(kind), namespace) };
  });
}
