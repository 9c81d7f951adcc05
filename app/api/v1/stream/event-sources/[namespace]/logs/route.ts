import { argoEventsStreamAbsent } from '@/server/services/argo-events-absent';

export const dynamic = 'force-dynamic';

// Argo Events is not part of Capstan: the stream ends at once with argo-server's error frame.
export const GET = (request: Request) => argoEventsStreamAbsent(request, 'eventsources');
