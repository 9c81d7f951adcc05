import type {
  Artifact, ArtifactLocation, ArtifactRepository, Template, WorkflowSpec,
} from '../generated/argo-workflows';

/** Argo's key format when a repository sets none. */
export const defaultKeyFormat = '{{workflow.name}}/{{pod.name}}';

/** The stores an artifact can live in, in Argo's order of precedence. */
export const storeKinds = ['s3', 'git', 'http', 'artifactory', 'hdfs', 'raw', 'oss', 'gcs', 'azure', 'plugin'] as const;
export type StoreKind = (typeof storeKinds)[number];

/** Which store an artifact or location names, if any. */
export function storeKindOf(location: ArtifactLocation | Artifact | undefined): StoreKind | undefined {
  if (!location) return undefined;
  return storeKinds.find((kind) => (location as Record<string, unknown>)[kind] !== undefined && (location as Record<string, unknown>)[kind] !== null);
}

/**
 * Whether the artifact says where it lives (Argo's HasLocation): a store with its full address. An S3 artifact with
 * only a key is "key-only": it lives in the workflow's repository.
 */
export function hasLocation(artifact: ArtifactLocation | Artifact): boolean {
  const a = artifact as Artifact;
  if (a.s3) return Boolean(a.s3.bucket && a.s3.endpoint && a.s3.key);
  if (a.oss) return Boolean(a.oss.bucket && a.oss.endpoint && a.oss.key);
  if (a.gcs) return Boolean(a.gcs.bucket && a.gcs.key);
  if (a.azure) return Boolean(a.azure.container && a.azure.endpoint && a.azure.blob);
  if (a.hdfs) return Boolean(a.hdfs.path);
  if (a.artifactory) return Boolean(a.artifactory.url);
  if (a.git) return Boolean(a.git.repo);
  if (a.http) return Boolean(a.http.url);
  if (a.raw) return true;
  if (a.plugin) return Boolean(a.plugin.key);
  return false;
}

/** Whether the artifact has a location or at least a key in some store (HasLocationOrKey). */
export function hasLocationOrKey(artifact: Artifact): boolean {
  return hasLocation(artifact) || keyOf(artifact) !== undefined;
}

/** The key (path within the store) of an artifact or location. */
export function keyOf(location: ArtifactLocation | Artifact): string | undefined {
  const a = location as Artifact;
  const key = a.s3?.key ?? a.oss?.key ?? a.gcs?.key ?? a.azure?.blob ?? a.hdfs?.path ?? a.plugin?.key;
  return key === '' ? undefined : key;
}

/** The archive location of a repository, its key still a format (`{{workflow.name}}/{{pod.name}}` by default). */
export function toArchiveLocation(repository: ArtifactRepository | undefined): ArtifactLocation | undefined {
  if (!repository) return undefined;
  const location: ArtifactLocation = repository.archiveLogs === undefined ? {} : { archiveLogs: repository.archiveLogs };
  const format = (f: string | undefined) => f || defaultKeyFormat;
  if (repository.artifactory) {
    const { repoURL, keyFormat, ...auth } = repository.artifactory;
    const base = repoURL?.endsWith('/') ? repoURL : `${repoURL ?? ''}/`;
    location.artifactory = { ...auth, url: `${base}${format(keyFormat)}` };
  } else if (repository.azure) {
    const { blobNameFormat, ...container } = repository.azure;
    location.azure = { ...container, blob: format(blobNameFormat) };
  } else if (repository.gcs) {
    const { keyFormat, ...bucket } = repository.gcs;
    location.gcs = { ...bucket, key: format(keyFormat) };
  } else if (repository.hdfs) {
    const { pathFormat, ...config } = repository.hdfs;
    location.hdfs = { ...config, path: format(pathFormat) };
  } else if (repository.oss) {
    const { keyFormat, ...bucket } = repository.oss;
    location.oss = { ...bucket, key: format(keyFormat) };
  } else if (repository.plugin) {
    const { keyFormat, ...plugin } = repository.plugin;
    location.plugin = { ...plugin, key: format(keyFormat) };
  } else if (repository.s3) {
    const { keyFormat, keyPrefix, ...bucket } = repository.s3;
    location.s3 = { ...bucket, key: keyFormat || joinKey(keyPrefix ?? '', defaultKeyFormat) };
  }
  return location;
}

/**
 * Whether the pod archives its logs: the controller's `archiveLogs: true` wins; otherwise the template's archive
 * location, then the workflow's `archiveLogs` (Argo's IsArchiveLogs).
 */
export function isArchiveLogs(repository: ArtifactRepository | undefined, spec: Pick<WorkflowSpec, 'archiveLogs'>, template: Template): boolean {
  if (repository?.archiveLogs) return true;
  return template.archiveLocation?.archiveLogs ?? spec.archiveLogs ?? false;
}

/**
 * The template with its `archiveLocation` filled from the repository when it needs one (logs to archive, or an
 * artifact without a location), as Argo's addArchiveLocation. An explicit archive location is kept.
 */
export function withArchiveLocation(template: Template, repository: ArtifactRepository | undefined, spec: Pick<WorkflowSpec, 'archiveLogs'>): Template {
  if (template.archiveLocation && storeKindOf(template.archiveLocation)) return template;
  const archiveLogs = isArchiveLogs(repository, spec, template);
  const artifacts = [...(template.inputs?.artifacts ?? []), ...(template.outputs?.artifacts ?? [])];
  const needLocation = archiveLogs || artifacts.some((a) => !hasLocation(a));
  if (!needLocation) return template;
  return { ...template, archiveLocation: { ...(toArchiveLocation(repository) ?? {}), archiveLogs } };
}

/** path.Join for keys: one slash between parts, no leading or trailing slash added. */
export function joinKey(...parts: string[]): string {
  return parts.filter((p) => p !== '').join('/').replace(/\/+/g, '/').replace(/\/$/, '');
}
