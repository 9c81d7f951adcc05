/** The parts of a coordination.k8s.io/v1 Lease's spec leader election reads and writes. */
export interface LeaseRecord {
  holderIdentity?: string;
  leaseDurationSeconds?: number;
  acquireTime?: string;
  renewTime?: string;
  leaseTransitions?: number;
}

/** What this replica last saw of the lease, and when (its own clock, so clock skew between replicas does not matter). */
export interface LeaseObservation {
  record: string;
  at: number;
}

export type LeaseDecision =
  | { action: 'wait'; holder: string; observation: LeaseObservation }
  | { action: 'write'; spec: LeaseRecord; observation: LeaseObservation; acquired: boolean };

/** Lease timing in seconds, as client-go's leader election (Argo: 15 s, 10 s, 5 s). */
export interface LeaseTiming {
  leaseDuration: number;
  renewDeadline: number;
  retryPeriod: number;
}

/** Go's metav1.MicroTime as the API server writes it: RFC 3339 with microseconds. */
export function toMicroTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/**
 * One try of client-go's `tryAcquireOrRenew`: someone else holds an unexpired lease → wait; otherwise write the lease
 * with this identity (keeping acquireTime when renewing, counting a transition when taking over). Expiry is judged by
 * when this replica last saw the record change plus its duration, never by the holder's clock.
 */
export function decideLease(
  current: LeaseRecord | undefined,
  identity: string,
  previous: LeaseObservation | undefined,
  nowMs: number,
  leaseDuration: number,
): LeaseDecision {
  const recordText = JSON.stringify(current ?? {});
  const observation = previous && previous.record === recordText ? previous : { record: recordText, at: nowMs };
  const holder = current?.holderIdentity ?? '';
  const duration = current?.leaseDurationSeconds ?? leaseDuration;
  if (current && holder && holder !== identity && observation.at + duration * 1000 > nowMs) {
    return { action: 'wait', holder, observation };
  }
  const mine = holder === identity;
  const now = toMicroTime(nowMs);
  const spec: LeaseRecord = {
    holderIdentity: identity,
    leaseDurationSeconds: leaseDuration,
    acquireTime: mine && current?.acquireTime ? current.acquireTime : now,
    renewTime: now,
    leaseTransitions: (current?.leaseTransitions ?? 0) + (current && !mine && holder ? 1 : 0),
  };
  return { action: 'write', spec, observation, acquired: !mine };
}

/** Argo's lease name: `workflow-controller`, or `workflow-controller-<instanceID>`. */
export function leaseNameOf(instanceID: string): string {
  return instanceID ? `workflow-controller-${instanceID}` : 'workflow-controller';
}
