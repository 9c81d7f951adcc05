import { z } from 'zod';
import { parseBody } from '@/server/api/parse';
import { jsonResponse, respond } from '@/server/api/respond';
import { requireHistory } from '@/server/history/history-runtime';
import { createView, listViews } from '@/server/history/settings-service';
import { viewBody } from '@/server/history/view-body';
import { callerIdentity } from '@/server/history/caller-identity';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return respond(async () => {
    await callerIdentity(request);
    return listViews(requireHistory());
  });
}

export async function POST(request: Request) {
  const response = await respond(async () => {
    await callerIdentity(request);
    return createView(requireHistory(), await parseBody(request, viewBody.extend({ id: z.string().optional() })), new Date());
  });
  return response.ok ? jsonResponse(await response.json(), 201) : response;
}
