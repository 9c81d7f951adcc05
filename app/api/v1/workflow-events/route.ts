import { GET as watchNamespace } from './[namespace]/route';

export const dynamic = 'force-dynamic';

/** Every namespace's workflow events: argo-server answers `/api/v1/workflow-events/` (an empty namespace) the same way. */
export function GET(request: Request) {
  return watchNamespace(request, { params: Promise.resolve({ namespace: '' }) });
}
