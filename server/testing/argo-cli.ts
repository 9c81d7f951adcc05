import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The official `argo` CLI v3.7.9 the test bed builds (`scripts/test-bed/build-bins.sh`), or CAPSTAN_TEST_ARGO_BIN. */
export const argoCliBin = process.env.CAPSTAN_TEST_ARGO_BIN ?? join(homedir(), '.cache/capstan/bin/argo-v3.7.9');

/** Writes a manifest the CLI reads from a file (`argo submit <file>`) to a per-process temporary path. */
export function manifestFile(name: string, yaml: string): string {
  const path = join(tmpdir(), `capstan-cli-${process.pid}-${name}.yaml`);
  writeFileSync(path, yaml);
  return path;
}

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
