import { describe, expect, it } from 'vitest';
import { decideLease, leaseNameOf } from './lease-election';

describe('decideLease', () => {
  it('takes a lease nobody holds', () => {
    const d = decideLease(undefined, 'me', undefined, 1000, 15);
    expect(d).toMatchObject({ action: 'write', acquired: true, spec: { holderIdentity: 'me', leaseDurationSeconds: 15, leaseTransitions: 0 } });
  });

  it("waits while another holder's lease keeps changing, and takes it once it has not changed for its duration", () => {
    const held = { holderIdentity: 'other', leaseDurationSeconds: 15, renewTime: '2026-01-01T00:00:00.000000Z', leaseTransitions: 2 };
    const first = decideLease(held, 'me', undefined, 0, 15);
    expect(first.action).toBe('wait');
    // The holder's clock does not matter: expiry counts from when this replica first saw the record.
    const later = decideLease(held, 'me', first.observation, 14_000, 15);
    expect(later.action).toBe('wait');
    const renewed = decideLease({ ...held, renewTime: '2026-01-01T00:00:10.000000Z' }, 'me', later.observation, 16_000, 15);
    expect(renewed.action).toBe('wait');
    const expired = decideLease({ ...held, renewTime: '2026-01-01T00:00:10.000000Z' }, 'me', renewed.observation, 31_001, 15);
    expect(expired).toMatchObject({ action: 'write', acquired: true, spec: { holderIdentity: 'me', leaseTransitions: 3 } });
  });

  it('renews its own lease keeping acquireTime, and takes a released one at once', () => {
    const mine = { holderIdentity: 'me', leaseDurationSeconds: 15, acquireTime: '2026-01-01T00:00:00.000000Z', leaseTransitions: 1 };
    expect(decideLease(mine, 'me', undefined, 5000, 15)).toMatchObject({
      action: 'write', acquired: false, spec: { acquireTime: '2026-01-01T00:00:00.000000Z', renewTime: '1970-01-01T00:00:05.000000Z', leaseTransitions: 1 },
    });
    expect(decideLease({ ...mine, holderIdentity: '' }, 'other', undefined, 0, 15)).toMatchObject({ action: 'write', acquired: true });
  });

  it("names the lease as Argo's controller does", () => {
    expect(leaseNameOf('')).toBe('workflow-controller');
    expect(leaseNameOf('blue')).toBe('workflow-controller-blue');
  });
});
