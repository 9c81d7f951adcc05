import { respond } from '@/server/api/respond';

export const dynamic = 'force-dynamic';

// InfoService.CollectEvent: the UI reports usage events here; argo-server accepts and answers `{}`, and so does
// Capstan (nothing is collected).
export const POST = () => respond(async () => ({}));
