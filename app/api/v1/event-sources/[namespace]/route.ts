import { errorResponse } from '@/server/api/respond';
import { argoEventsAbsent } from '@/server/services/argo-events-absent';

export const dynamic = 'force-dynamic';

// Argo Events is not part of Capstan: answer as argo-server does without its CRDs.
export const GET = () => errorResponse(argoEventsAbsent('eventsources', 'get'));
export const POST = () => errorResponse(argoEventsAbsent('eventsources', 'post'));
