import { z } from 'zod';
import { parseBody } from '@/server/api/parse';
import { respond } from '@/server/api/respond';
import { clusterFor } from '@/server/auth/cluster-for-request';
import { configKindOf, configStore } from '@/server/embedded/config-service';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ kind: string; namespace: string; name: string }> };

// A Secret key sent as null keeps its saved value (the dashboard never receives it to send back).
const body = z.object({ data: z.record(z.string(), z.string().nullable()) });

export async function GET(request: Request, { params }: Context) {
  return respond(async () => {
    await clusterFor(request);
    const { kind, namespace, name } = await params;
    return configStore().get(configKindOf(kind), namespace, name);
  });
}

/** Creates or replaces a ConfigMap or Secret; the answer never holds a Secret's values. */
export async function PUT(request: Request, { params }: Context) {
  return respond(async () => {
    await clusterFor(request);
    const { kind, namespace, name } = await params;
    const { data } = await parseBody(request, body);
    return configStore().put(configKindOf(kind), namespace, name, data);
  });
}

export async function DELETE(request: Request, { params }: Context) {
  return respond(async () => {
    await clusterFor(request);
    const { kind, namespace, name } = await params;
    await configStore().delete(configKindOf(kind), namespace, name);
    return {};
  });
}
