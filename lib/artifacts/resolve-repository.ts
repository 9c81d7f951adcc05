import { parse } from 'yaml';
import type { ArtifactRepository, ArtifactRepositoryRef, ArtifactRepositoryRefStatus } from '../generated/argo-workflows';

/** The ConfigMap Argo reads a namespace's repositories from when a ref names none. */
export const defaultRepositoriesConfigMap = 'artifact-repositories';
/** The annotation naming the key of a ConfigMap's default repository. */
export const defaultRepositoryAnnotation = 'workflows.argoproj.io/default-artifact-repository';

/** The parts of a ConfigMap resolution reads. */
export interface ConfigMapData {
  metadata?: { annotations?: Record<string, string> };
  data?: Record<string, string>;
}

/** Looks a ConfigMap up in data fetched beforehand; undefined when it does not exist. */
export type ConfigMapLookup = (namespace: string, name: string) => ConfigMapData | undefined;

export interface ResolveRepositoryInput {
  /** The workflow's `spec.artifactRepositoryRef`. */
  ref?: ArtifactRepositoryRef;
  workflowNamespace: string;
  /** The controller's namespace, searched after the workflow's for an explicit ref. */
  controllerNamespace: string;
  configMaps: ConfigMapLookup;
  /** `artifactRepository` of the controller configuration; may be absent. */
  defaultRepository?: ArtifactRepository;
}

/** Why no repository could be resolved; the workflow fails with this message, as in Argo. */
export class ArtifactRepositoryError extends Error {}

/**
 * Resolves the repository a workflow stores artifacts in, as Argo's artifactrepositories.Resolve: an explicit ref is
 * looked up in the workflow's namespace, then the controller's; without one, the namespace's `artifact-repositories`
 * default entry, then the controller configuration. The result is recorded in `status.artifactRepositoryRef`, with
 * the repository filled in so later changes to the ConfigMap do not move a running workflow's artifacts.
 */
export function resolveArtifactRepository(input: ResolveRepositoryInput): ArtifactRepositoryRefStatus {
  const { ref } = input;
  const candidates: ArtifactRepositoryRefStatus[] = ref
    ? [
        { ...pick(ref), namespace: input.workflowNamespace },
        { ...pick(ref), namespace: input.controllerNamespace },
      ]
    : [{ namespace: input.workflowNamespace }, { default: true }];
  for (const candidate of candidates) {
    const resolved = getRepository(candidate, input);
    if (resolved) return resolved;
  }
  throw new ArtifactRepositoryError(`failed to find any artifact repository for artifact repository ref "${describeRef(ref)}"`);
}

/**
 * The repository a recorded ref stands for (Argo's Get): the one filled in, else the controller's default for a
 * default ref. Undefined means no repository is configured.
 */
export function repositoryOf(status: ArtifactRepositoryRefStatus | undefined, defaultRepository: ArtifactRepository | undefined): ArtifactRepository | undefined {
  if (status?.artifactRepository) return status.artifactRepository;
  return status?.default ? defaultRepository : undefined;
}

// Undefined when this candidate does not exist (a missing ConfigMap or key): the next one is tried.
function getRepository(candidate: ArtifactRepositoryRefStatus, input: ResolveRepositoryInput): ArtifactRepositoryRefStatus | undefined {
  if (candidate.default) {
    return { default: true, ...(input.defaultRepository ? { artifactRepository: input.defaultRepository } : {}) };
  }
  const namespace = candidate.namespace ?? '';
  const configMapName = candidate.configMap || defaultRepositoriesConfigMap;
  const configMap = input.configMaps(namespace, configMapName);
  if (!configMap) return undefined;
  const key = candidate.key || configMap.metadata?.annotations?.[defaultRepositoryAnnotation] || '';
  const value = configMap.data?.[key];
  if (value === undefined) return undefined;
  let repository: unknown;
  try {
    repository = parse(value);
  } catch (error) {
    throw new ArtifactRepositoryError(
      `failed to unmarshall config map key "${key}" for artifact repository ref "${namespace}/${configMapName}": ${(error as Error).message}`,
    );
  }
  if (typeof repository !== 'object' || repository === null || Array.isArray(repository)) {
    throw new ArtifactRepositoryError(`config map ${namespace}/${configMapName} key "${key}" is not an artifact repository (expected a mapping such as "s3: {...}")`);
  }
  // Argo's field order: the ref's configMap and key, then namespace, then the repository.
  return { configMap: configMapName, key, namespace, artifactRepository: repository as ArtifactRepository };
}

function pick(ref: ArtifactRepositoryRef): ArtifactRepositoryRef {
  return { ...(ref.configMap ? { configMap: ref.configMap } : {}), ...(ref.key ? { key: ref.key } : {}) };
}

function describeRef(ref: ArtifactRepositoryRef | undefined): string {
  return ref ? `${ref.configMap || defaultRepositoriesConfigMap}#${ref.key ?? ''}` : 'default';
}
