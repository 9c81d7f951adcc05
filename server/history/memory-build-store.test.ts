import { describe, expect, it } from 'vitest';
import { buildStoreContract } from './build-store-contract';
import { MemoryBuildStore } from './memory-build-store';

describe('MemoryBuildStore', () => {
  const store = new MemoryBuildStore('default');
  buildStoreContract(() => store);

  it('keeps the newest builds that left the cluster up to its bound, without their stages', async () => {
    const bounded = new MemoryBuildStore('default', 2);
    const job = { kind: 'cronworkflows' as const, namespace: 'ns', name: 'nightly' };
    const base = { namespace: 'ns', phase: 'Succeeded', message: null, startedAt: null, finishedAt: null, createdAt: null, parameters: [], trigger: { type: 'cron' as const } };
    for (let i = 1; i <= 4; i++) await bounded.assign(job, { ...base, uid: `u${i}`, workflowName: `n${i}`, stages: [] });
    for (let i = 1; i <= 4; i++) await bounded.markGone(`u${i}`);
    expect((await bounded.page(job, 10, undefined, true)).map((b) => [b.number, b.live, b.stages])).toEqual([[4, false, null], [3, false, null]]);
    expect((await bounded.assign(job, { ...base, uid: 'u5', workflowName: 'n5', stages: null })).number).toBe(5);
  });
});
