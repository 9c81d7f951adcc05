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
