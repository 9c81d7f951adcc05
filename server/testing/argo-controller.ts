import { type ChildProcess, spawn } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import type { CoreV1Api } from '@kubernetes/client-node';
import { freePort } from './capstan-process';
import { testBed } from './test-bed';
import { until } from './until';

/** One more Argo v3.7.9 workflow-controller (the oracle's binary) on the test bed, for one namespace of its own. */
export interface ArgoController {
  child: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** The bed's `workflow-controller` binary: cached beside the `argo` CLI under the same version. */
export function argoControllerBin(): string {
  const cli = testBed().argoBin();
  return join(dirname(cli), basename(cli).replace(/^argo-/, 'workflow-controller-'));
}

/**
 * Starts Argo's controller with `--namespaced` for `namespace` (its own ConfigMap, metrics on a free port) with
 * extra `flags` (e.g. `--qps=512`), `env` (e.g. MAX_WORKFLOW_SIZE) and ConfigMap keys (`configData`, e.g.
 * `persistence`), and waits until it leads.
 */
export async function startArgoController(
  core: CoreV1Api,
  namespace: string,
  options: { flags?: string[]; env?: Record<string, string>; configData?: Record<string, string> } = {},
): Promise<ArgoController> {
  const metricsPort = await freePort();
  await core.createNamespacedConfigMap({
    namespace,
    body: { metadata: { name: 'workflow-controller-configmap' }, data: { metricsConfig: `enabled: true\nport: ${metricsPort}\n`, ...options.configData } },
  });
  const child = spawn(argoControllerBin(), [
    '--kubeconfig', testBed().kubeconfig(), '--namespaced', '--namespace', namespace,
    '--executor-image', 'quay.io/argoproj/argoexec:v3.7.9', ...(options.flags ?? []),
  ], { env: { ...process.env, LEADER_ELECTION_IDENTITY: `argo-${namespace}`, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  };
  try {
    await until('Argo controller to lead', async () => output, (o) => o.includes('successfully acquired lease') || child.exitCode !== null, { timeoutMs: 60_000, output: () => output });
  } catch (error) {
    await stop();
    throw error;
  }
  if (child.exitCode !== null) throw new Error(`Argo's workflow-controller exited with ${child.exitCode}:\n${output.slice(-2000)}`);
  return { child, output: () => output, stop };
}
