import { respond } from '@/server/api/respond';

export const dynamic = 'force-dynamic';

// Server auth mode: requests act as Capstan's own identity, which has no user details to report.
export function GET() {
  return respond(async () => ({}));
}
