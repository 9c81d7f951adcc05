import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Runs the official `argo` CLI against an Argo-compatible server over plain HTTP/1, as users configure it. */
export async function argoCli(bin: string, server: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(bin, args, {
    timeout: 60_000,
    env: {
      ...process.env,
      ARGO_SERVER: server,
      ARGO_HTTP1: 'true',
      ARGO_SECURE: 'false',
      // The CLI insists on a token even when the server runs in server auth mode.
      ARGO_TOKEN: process.env.ARGO_TOKEN ?? 'unused',
      KUBECONFIG: '/dev/null',
    },
  });
}
