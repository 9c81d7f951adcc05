import { expect, it, vi } from 'vitest';
import { WorkQueue } from './work-queue';

it('serialises a key, and re-runs it once when it changed while running', async () => {
  const log: string[] = [];
  let release: () => void = () => {};
  const queue = new WorkQueue(async (key) => {
    log.push(`start ${key}`);
    if (key === 'a' && log.filter((l) => l === 'start a').length === 1) await new Promise<void>((r) => (release = r));
    log.push(`end ${key}`);
  }, 4, () => {});
  queue.add('a');
  queue.add('a');
  queue.add('b');
  await new Promise((r) => setTimeout(r, 10));
  queue.add('a');
  queue.add('a');
  release();
  await new Promise((r) => setTimeout(r, 10));
  expect(log).toEqual(['start a', 'start b', 'end b', 'end a', 'start a', 'end a']);
  queue.close();
});

it('requeues a failing key with a growing delay, and starts over once it succeeds', async () => {
  vi.useFakeTimers();
  try {
    let failing = true;
    const delays: number[] = [];
    let runs = 0;
    const queue: WorkQueue = new WorkQueue(async () => {
      runs++;
      if (failing) throw new Error('unreachable');
    }, 1, (key) => delays.push(queue.addRateLimited(key)));
    queue.add('a');
    for (const ms of [0, 1000, 2000, 4000]) await vi.advanceTimersByTimeAsync(ms);
    expect(delays).toEqual([1, 2, 4, 8]);
    failing = false;
    await vi.advanceTimersByTimeAsync(8000);
    expect(runs).toBe(5);
    failing = true;
    queue.add('a');
    await vi.advanceTimersByTimeAsync(0);
    expect(delays.at(-1)).toBe(1);
    queue.close();
  } finally {
    vi.useRealTimers();
  }
});

it('runs a paced key once when its pace is over, however often it was added meanwhile', async () => {
  vi.useFakeTimers();
  try {
    const runs: Array<[string, number]> = [];
    const queue = new WorkQueue(async (key) => {
      runs.push([key, Date.now()]);
    }, 2, () => {});
    const start = Date.now();
    queue.pace('a', 1000);
    for (let i = 0; i < 5; i++) {
      queue.add('a');
      queue.add('b');
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(runs.map(([key]) => key)).toEqual(['b', 'b', 'b', 'b', 'b']);
    await vi.advanceTimersByTimeAsync(600);
    expect(runs.filter(([key]) => key === 'a').map(([, at]) => at - start)).toEqual([1000]);
    // Once run, the key is not held any more.
    queue.add('a');
    await vi.advanceTimersByTimeAsync(0);
    expect(runs.filter(([key]) => key === 'a')).toHaveLength(2);
    queue.close();
  } finally {
    vi.useRealTimers();
  }
});

it('paces a key from within its own run: what came in while it ran waits for the pace', async () => {
  vi.useFakeTimers();
  try {
    const runs: number[] = [];
    const queue: WorkQueue = new WorkQueue(async (key) => {
      runs.push(Date.now());
      queue.add(key);
      queue.pace(key, 500);
    }, 1, () => {});
    const start = Date.now();
    queue.add('a');
    await vi.advanceTimersByTimeAsync(1200);
    expect(runs.map((at) => at - start)).toEqual([0, 500, 1000]);
    queue.close();
  } finally {
    vi.useRealTimers();
  }
});
