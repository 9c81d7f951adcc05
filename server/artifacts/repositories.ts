import { parse } from 'yaml';
import {
  ArtifactRepositoryError, type ConfigMapData, defaultRepositoriesConfigMap, resolveArtifactRepository,
} from '@/lib/artifacts/resolve-repository';
import type { ArtifactRepository, ArtifactRepositoryRefStatus, Workflow } from '@/lib/generated/argo';
import type { ConfigSource } from './config-source';

export interface RepositoriesOptions {
  /** The controller's namespace: where its ConfigMap lives, and the second place an explicit ref is looked for. */
  namespace: string;
  /** The controller ConfigMap's name (CAPSTAN_CONFIGMAP, default `workflow-controller-configmap`). */
  configMapName?: string;
}

/**
 * Finds the artifact repository of each workflow as Argo's controller does (see lib/artifacts/resolve-repository),
 * reading the ConfigMaps it needs first so the resolution itself stays pure.
 */
export class ArtifactRepositories {
  constructor(readonly source: ConfigSource, private readonly options: RepositoriesOptions) {}

  /** `artifactRepository` of the controller configuration: a key of its own, or inside `config`. */
  async defaultRepository(): Promise<ArtifactRepository | undefined> {
    const name = this.options.configMapName || 'workflow-controller-configmap';
    const configMap = await this.source.configMap(this.options.namespace, name);
    const data = configMap?.data;
    let raw: unknown;
    try {
      if (data?.['config'] !== undefined) raw = (parse(data['config']) as { artifactRepository?: unknown } | null)?.artifactRepository;
      else if (data?.['artifactRepository'] !== undefined) raw = parse(data['artifactRepository']);
    } catch (error) {
      throw new ArtifactRepositoryError(`${this.options.namespace}/${name} artifactRepository: ${(error as Error).message}`);
    }
    return raw && typeof raw === 'object' ? (raw as ArtifactRepository) : undefined;
  }

  /** The repository reference to record in the workflow's `status.artifactRepositoryRef`. Throws ArtifactRepositoryError. */
  async resolve(workflow: Workflow): Promise<ArtifactRepositoryRefStatus> {
    const ref = workflow.spec?.artifactRepositoryRef;
    const workflowNamespace = workflow.metadata.namespace ?? '';
    const name = ref?.configMap || defaultRepositoriesConfigMap;
    const fetched = new Map<string, ConfigMapData | undefined>();
    for (const namespace of ref ? [workflowNamespace, this.options.namespace] : [workflowNamespace]) {
      fetched.set(`${namespace}/${name}`, await this.source.configMap(namespace, name));
    }
    return resolveArtifactRepository({
      ref,
      workflowNamespace,
      controllerNamespace: this.options.namespace,
      configMaps: (namespace, configMap) => fetched.get(`${namespace}/${configMap}`),
      defaultRepository: await this.defaultRepository(),
    });
  }
}
