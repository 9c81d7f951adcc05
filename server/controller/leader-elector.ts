import { hostname } from 'node:os';
import { CoordinationV1Api, type KubeConfig, type V1Lease, V1MicroTime } from '@kubernetes/client-node';
import { isApiError } from '@/lib/api-error';
import { type LeaseObservation, type LeaseRecord, type LeaseTiming, decideLease } from '@/lib/controller/lease-election';
import { parseGoDuration } from '@/lib/expr/go-time';
import { fromKubeError } from '../cluster/kube-errors';
import { type ApiReachability, isUnreachable } from '../cluster/api-reachability';
import type { Logger } from '../logger';

export interface LeaderCallbacks {
  /** Called when this replica becomes the leader: start the controllers. */
  onStartedLeading: () => Promise<void>;
  /** Called when it stops being the leader (lost renewal, or shutdown): stop them. */
  onStoppedLeading: () => Promise<void>;
}

/**
 * Leader election on a coordination.k8s.io/v1 Lease, as Argo's controller does with client-go: every retry period
 * each replica tries to acquire or renew; the holder renews, the others wait until the lease has not changed for
 * its duration. A leader that cannot renew for `renewDeadline` (shorter than the lease) stops leading before anyone
 * else may take over, so two replicas never control at once.
 */
export class LeaderElector {
  private readonly api: CoordinationV1Api;
  private observation: LeaseObservation | undefined;
  private leading = false;
  private lastRenewal = 0;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private transition: Promise<void> = Promise.resolve();
  private transitions = 0;
  private lastLeader = '';

  constructor(
    kubeConfig: KubeConfig,
    private readonly lease: { namespace: string; name: string; identity: string },
    private readonly timing: LeaseTiming,
    private readonly callbacks: LeaderCallbacks,
    private readonly logger: Logger,
    private readonly reachability?: ApiReachability,
  ) {
    this.api = kubeConfig.makeApiClient(CoordinationV1Api);
  }

  get isLeader(): boolean {
    return this.leading;
  }

  get identity(): string {
    return this.lease.identity;
  }

  /** Starts campaigning; returns at once. */
  run(): void {
    this.logger.info({ lease: `${this.lease.namespace}/${this.lease.name}`, identity: this.lease.identity }, 'leader election: campaigning');
    void this.tick();
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.tryAcquireOrRenew();
      this.reachability?.succeeded();
    } catch (error) {
      if (this.reachability && isUnreachable(error)) this.reachability.failed('leader election', error);
      else this.logger.warn({ err: error }, 'leader election: cannot reach the lease');
    }
    if (this.leading && Date.now() - this.lastRenewal > this.timing.renewDeadline * 1000) {
      this.logger.error({ identity: this.lease.identity }, 'leader election: could not renew the lease in time; stopped leading');
      this.setLeading(false);
    }
    if (!this.stopped) {
      this.timer = setTimeout(() => void this.tick(), this.timing.retryPeriod * 1000);
      this.timer.unref();
    }
  }

  private async tryAcquireOrRenew(): Promise<void> {
    const { namespace, name, identity } = this.lease;
    let current: V1Lease | undefined;
    try {
      current = await this.api.readNamespacedLease({ name, namespace });
    } catch (error) {
      const apiError = fromKubeError(error);
      if (!(isApiError(apiError) && apiError.code === 5)) throw apiError;
    }
    const record = toRecord(current);
    const decision = decideLease(record, identity, this.observation, Date.now(), this.timing.leaseDuration);
    this.observation = decision.observation;
    if (decision.action === 'wait') {
      if (this.leading) this.setLeading(false);
      if (decision.holder !== this.lastLeader) {
        this.lastLeader = decision.holder;
        this.logger.info({ leader: decision.holder }, 'leader election: new leader');
      }
      return;
    }
    const body: V1Lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name, namespace, ...(current?.metadata?.resourceVersion ? { resourceVersion: current.metadata.resourceVersion } : {}) },
      spec: {
        holderIdentity: decision.spec.holderIdentity,
        leaseDurationSeconds: decision.spec.leaseDurationSeconds,
        acquireTime: new V1MicroTime(Date.parse(decision.spec.acquireTime ?? '')),
        renewTime: new V1MicroTime(Date.parse(decision.spec.renewTime ?? '')),
        leaseTransitions: decision.spec.leaseTransitions,
      },
    };
    let written: V1Lease;
    try {
      written = current
        ? await this.api.replaceNamespacedLease({ name, namespace, body })
        : await this.api.createNamespacedLease({ namespace, body });
    } catch (error) {
      const apiError = fromKubeError(error);
      // Another replica wrote first (409 conflict or already exists): it won this round.
      if (isApiError(apiError) && (apiError.code === 10 || apiError.code === 6)) return;
      throw apiError;
    }
    this.observation = { record: JSON.stringify(toRecord(written) ?? {}), at: Date.now() };
    this.lastRenewal = Date.now();
    if (!this.leading) {
      this.lastLeader = identity;
      this.logger.info({ identity, transitions: decision.spec.leaseTransitions }, 'leader election: became leader');
      this.setLeading(true);
    }
  }

  // Starting and stopping are serialised, so a quick lose-then-win never runs two sets of controllers. A start that
  // fails (after an outage the API server answers before it serves Argo's kinds again) is retried on the next tick:
  // the lease is still renewed, and a leader without controllers would leave every workflow where it was.
  private setLeading(leading: boolean): void {
    if (this.leading === leading) return;
    this.leading = leading;
    const transition = ++this.transitions;
    this.transition = this.transition.then(leading ? this.callbacks.onStartedLeading : this.callbacks.onStoppedLeading).catch((error: unknown) => {
      if (!leading) {
        this.logger.error({ err: error }, 'stopping the controllers failed');
        return;
      }
      this.logger.error({ err: error, retryInSeconds: this.timing.retryPeriod }, 'starting the controllers failed; retrying');
      if (transition === this.transitions) this.leading = false;
    });
  }

  /**
   * Stops campaigning and the controllers; a leader then gives the lease up (Argo keeps it until it expires, which
   * delays the next leader by up to the lease duration on every rolling update).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const wasLeading = this.leading;
    this.setLeading(false);
    await this.transition;
    if (!wasLeading) return;
    const { namespace, name, identity } = this.lease;
    try {
      const current = await this.api.readNamespacedLease({ name, namespace });
      if (current.spec?.holderIdentity !== identity) return;
      await this.api.replaceNamespacedLease({
        name, namespace, body: { ...current, spec: { ...current.spec, holderIdentity: '', leaseDurationSeconds: 1 } },
      });
      this.logger.info({ identity }, 'leader election: released the lease');
    } catch (error) {
      this.logger.warn({ err: error }, 'leader election: could not release the lease');
    }
  }
}

function toRecord(lease: V1Lease | undefined): LeaseRecord | undefined {
  if (!lease) return undefined;
  const spec = lease.spec ?? {};
  const time = (value: Date | undefined) => (value ? new Date(value).toISOString() : undefined);
  return {
    holderIdentity: spec.holderIdentity,
    leaseDurationSeconds: spec.leaseDurationSeconds,
    acquireTime: time(spec.acquireTime),
    renewTime: time(spec.renewTime),
    leaseTransitions: spec.leaseTransitions,
  };
}

/**
 * Lease timing and identity from Argo's environment variables: `LEADER_ELECTION_IDENTITY` (default: host name and
 * process id, so two replicas on one machine differ), `LEADER_ELECTION_LEASE_DURATION` (15s),
 * `LEADER_ELECTION_RENEW_DEADLINE` (10s), `LEADER_ELECTION_RETRY_PERIOD` (Argo 5s; Capstan 2s, for a faster failover).
 */
export function leaderElectionSettings(env: Record<string, string | undefined>): { identity: string; timing: LeaseTiming } {
  const seconds = (name: string, fallback: number) => {
    const text = env[name];
    if (!text) return fallback;
    try {
      return Number(parseGoDuration(text).nanos) / 1e9;
    } catch {
      throw new Error(`${name}: "${text}" is not a duration such as 15s`);
    }
  };
  const timing = {
    leaseDuration: seconds('LEADER_ELECTION_LEASE_DURATION', 15),
    renewDeadline: seconds('LEADER_ELECTION_RENEW_DEADLINE', 10),
    retryPeriod: seconds('LEADER_ELECTION_RETRY_PERIOD', 2),
  };
  if (timing.renewDeadline >= timing.leaseDuration) throw new Error('LEADER_ELECTION_RENEW_DEADLINE must be shorter than LEADER_ELECTION_LEASE_DURATION');
  return { identity: env['LEADER_ELECTION_IDENTITY'] || `${hostname()}-${process.pid}`, timing };
}
