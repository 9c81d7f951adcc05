import type { ApiCaller } from '@/lib/history/trigger';

/**
 * Who is creating a workflow through Capstan's API: a browser (the dashboard) is a user, anything else (the argo
 * CLI, scripts) the CLI. Capstan has no user identity in server auth mode; argo-server's creator labels, when a
 * client sets them, name the user.
 */
export function apiCallerOf(request: Request): ApiCaller {
  const agent = request.headers.get('user-agent') ?? '';
  return { via: /^Mozilla\//.test(agent) ? 'user' : 'cli' };
}
