/** The metadata every stored resource carries; the rest of the object is kind-specific. */
export interface ObjectMetaLike {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMetaLike;
  [key: string]: unknown;
}

/** What the store passes in so that naming stays deterministic in tests. */
export interface CreateContext {
  now: Date;
  uid: string;
  /** Five lowercase alphanumerics, as Kubernetes appends to `generateName`. */
  nameSuffix: string;
}

const dnsSubdomain = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** Why a name is not a valid Kubernetes object name, or undefined when it is. */
export function validateObjectName(name: string): string | undefined {
  if (name.length > 253) return `name "${name}" is longer than 253 characters`;
  if (!dnsSubdomain.test(name)) {
    return `name "${name}" must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`;
  }
  return undefined;
}

/** Fills in what the API server sets on create: the name from generateName, uid, timestamp, generation. */
export function prepareForCreate<T extends KubeObject>(object: T, context: CreateContext): T {
  const metadata = { ...object.metadata };
  if (!metadata.name && metadata.generateName) metadata.name = `${metadata.generateName}${context.nameSuffix}`;
  metadata.uid = context.uid;
  metadata.creationTimestamp = toKubeTime(context.now);
  metadata.generation = 1;
  delete metadata.resourceVersion;
  return { ...object, metadata };
}

/** Kubernetes timestamps have second precision and a `Z` suffix. */
export function toKubeTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
