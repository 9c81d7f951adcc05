import { argoApiDocs } from '@/server/api/api-docs';
import { respond } from '@/server/api/respond';

export const dynamic = 'force-dynamic';

/** The API docs page's data: every Argo operation; `?format=swagger` answers the whole OpenAPI document. */
export function GET(request: Request) {
  const full = new URL(request.url).searchParams.get('format') === 'swagger';
  return respond(async () => (full ? argoApiDocs().swagger : argoApiDocs().index));
}
