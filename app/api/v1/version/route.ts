import { respond } from '@/server/api/respond';
import { versionInfo } from '@/server/version';

export const dynamic = 'force-dynamic';

export function GET() {
  return respond(async () => versionInfo());
}
