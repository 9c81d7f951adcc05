import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import { KubeCluster, loadKubeConfig } from '../cluster/kube-cluster';
import { type CapstanProcess, startCapstan } from './capstan-process';
import { testBed, uniqueNamespace } from './test-bed';

/** One test file's namespace on the test bed with Capstan controlling it in kubernetes mode. */
export interface KubeModeCapstan {
  namespace: string;
  config: KubeConfig;
  cluster: KubeCluster;
  core: CoreV1Api;
  capstan: CapstanProcess;
  /** Stops Capstan and deletes the namespace. */
  stop: () => Promise<void>;
}

/** The flags that start Capstan in kubernetes mode on the test bed, watching one namespace. */
export const kubeModeFlags = (namespace: string): string[] =>
  ['--mode', 'kubernetes', '--secure=false', '--auth-mode', 'server', '--namespace', namespace];

/**
 * Creates a fresh namespace (named after `prefix`) and starts Capstan in kubernetes mode for it. `beforeStart`
 * runs once the namespace exists and before Capstan starts (e.g. to create the controller's ConfigMap).
 */
export async function startKubeMode(
  prefix: string,
  options: { beforeStart?: (namespace: string, core: CoreV1Api) => Promise<void>; env?: Record<string, string> } = {},
): Promise<KubeModeCapstan> {
  const bed = testBed();
  const namespace = uniqueNamespace(prefix);
  const config = loadKubeConfig(bed.kubeconfig());
  const cluster = new KubeCluster(config);
  const core = config.makeApiClient(CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  await options.beforeStart?.(namespace, core);
  const capstan = await startCapstan(kubeModeFlags(namespace), { KUBECONFIG: bed.kubeconfig(), ...options.env });
  return {
    namespace, config, cluster, core, capstan,
    stop: async () => {
      await capstan.stop();
      await core.deleteNamespace({ name: namespace }).catch(() => {});
    },
  };
}
