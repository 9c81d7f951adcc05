import { join } from 'node:path';
import { ApiError, GrpcCode } from '@/lib/api-error';
import type { ConfigKind } from '@/lib/config-objects/config-object';
import { getRuntime } from '../runtime';
import { ConfigStore } from './config-store';

/** The API's path segment for each kind, as Kubernetes names the resources. */
export const configKinds: Record<string, ConfigKind> = { configmaps: 'ConfigMap', secrets: 'Secret' };

/** The kind a path segment names, or a 404 naming the ones there are. */
export function configKindOf(segment: string): ConfigKind {
  const kind = configKinds[segment];
  if (!kind) throw new ApiError(GrpcCode.NotFound, `unknown kind "${segment}": use configmaps or secrets`);
  return kind;
}

/**
 * Embedded mode's store of ConfigMaps and Secrets (`<data dir>/config`). Kubernetes mode has none: there they are
 * the cluster's, managed with kubectl under the cluster's RBAC.
 */
export function configStore(): ConfigStore {
  const { config } = getRuntime();
  if (config.mode !== 'embedded') {
    throw new ApiError(GrpcCode.FailedPrecondition, 'in kubernetes mode ConfigMaps and Secrets are the cluster\'s: manage them with kubectl');
  }
  return new ConfigStore(join(config.dataDir, 'config'));
}
