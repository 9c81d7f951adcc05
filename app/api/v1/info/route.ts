import { respond } from '@/server/api/respond';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export function GET() {
  return respond(async () => {
    const { config } = getRuntime();
    return { managedNamespace: config.mode === 'embedded' ? config.namespace : undefined, links: [], columns: [], navColor: '', modals: {} };
  });
}
