import type { CoreV1Event } from '../generated/k8s';
import { type KubeObject, toKubeTime } from './object';

/** What a controller reports about an object: Argo's controller uses `Warning` for failures, `Normal` otherwise. */
export interface EventReport {
  type: 'Normal' | 'Warning';
  /** Short and machine-readable, e.g. `ArtifactGCFailed`. */
  reason: string;
  message: string;
  /** Set on the Event's metadata, e.g. Argo's `workflows.argoproj.io/node-id` on node events. */
  annotations?: Record<string, string>;
}

/** What a repeated Event changes of the one recorded before (client-go's patch of an Event seen again). */
export interface EventCountPatch {
  count: number;
  lastTimestamp: string;
  message: string;
}

/** A core/v1 Event ready to create: name and namespace set. */
export type KubeEventBody = CoreV1Event & { metadata: { name: string; namespace: string } };

/**
 * The core/v1 Event Argo's controller records about a workflow (client-go's event recorder, source
 * `workflow-controller`): named `<object>.<hex nanoseconds>`, in the object's namespace, involving the object.
 */
export function toKubeEvent(object: KubeObject, report: EventReport, now: Date): KubeEventBody {
  const namespace = object.metadata.namespace ?? '';
  const name = object.metadata.name ?? '';
  const nanos = BigInt(now.getTime()) * 1_000_000n;
  const time = toKubeTime(now);
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${name}.${nanos.toString(16)}`, namespace, ...(report.annotations ? { annotations: report.annotations } : {}) },
    involvedObject: {
      apiVersion: object.apiVersion ?? 'argoproj.io/v1alpha1',
      kind: object.kind ?? 'Workflow',
      namespace,
      name,
      ...(object.metadata.uid ? { uid: object.metadata.uid } : {}),
      ...(object.metadata.resourceVersion ? { resourceVersion: object.metadata.resourceVersion } : {}),
    },
    reason: report.reason,
    message: report.message,
    source: { component: 'workflow-controller' },
    firstTimestamp: time,
    lastTimestamp: time,
    count: 1,
    type: report.type,
    reportingComponent: 'workflow-controller',
    reportingInstance: '',
  };
}

/**
 * Whether an object matches a Kubernetes field selector (`involvedObject.name=x,reason!=y`, `==` as `=`): each
 * term's dotted path is read from the object; a missing field reads as the empty string, as the API server does.
 */
export function matchesFieldSelector(object: unknown, selector: string | undefined): boolean {
  if (!selector?.trim()) return true;
  return selector.split(',').every((term) => {
    const match = /^\s*([^!=\s]+)\s*(!=|==|=)\s*(.*?)\s*$/.exec(term);
    if (!match) return false;
    const [, path, operator, expected] = match as unknown as [string, string, string, string];
    let value: unknown = object;
    for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    const actual = value === undefined || value === null ? '' : String(value);
    return operator === '!=' ? actual !== expected : actual === expected;
  });
}
