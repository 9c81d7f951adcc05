import type { KubeObject } from './object';

/**
 * What lists filter, sort, merge and count on, apart from the rest of an object: the identifying metadata and
 * labels, and (for kinds that have them, such as workflows) the status's phase and times. A cache can hold this
 * beside a compact copy of the object and parse the whole object only for the items a page returns.
 */
export interface ObjectSummary {
  metadata: {
    name?: string;
    namespace?: string;
    uid?: string;
    resourceVersion?: string;
    creationTimestamp?: string;
    labels?: Record<string, string>;
  };
  status?: { phase?: string; startedAt?: string; finishedAt?: string };
}

/** The summary of an object: new objects, sharing only strings with it (so it does not keep the object alive). */
export function summarizeObject(object: KubeObject): ObjectSummary {
  const { name, namespace, uid, resourceVersion, creationTimestamp, labels } = object.metadata;
  const metadata: ObjectSummary['metadata'] = { name, namespace, uid, resourceVersion, creationTimestamp };
  if (labels) metadata.labels = { ...labels };
  const status = object['status'] as ObjectSummary['status'] | undefined;
  if (!status || typeof status !== 'object') return { metadata };
  return { metadata, status: { phase: status.phase, startedAt: status.startedAt, finishedAt: status.finishedAt } };
}
