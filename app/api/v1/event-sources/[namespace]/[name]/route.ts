import { errorResponse } from '@/server/api/respond';
import { argoEventsAbsent } from '@/server/services/argo-events-absent';

export const dynamic = 'force-dynamic';
type Context = { params: Promise<{ namespace: string; name: string }> };

// Argo Events is not part of Capstan: answer as argo-server does without its CRDs.
export const GET = async (_request: Request, { params }: Context) => errorResponse(argoEventsAbsent('eventsources', 'get', (await params).name));
export const PUT = async (_request: Request, { params }: Context) => errorResponse(argoEventsAbsent('eventsources', 'put', (await params).name));
export const DELETE = async (_request: Request, { params }: Context) => errorResponse(argoEventsAbsent('eventsources', 'delete', (await params).name));
