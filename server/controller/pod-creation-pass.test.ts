import { expect, it } from 'vitest';
import { createPodsPaced } from './pod-creation-pass';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

it('sends every creation, a few at a time, when there is room', async () => {
  let inFlight = 0;
  let most = 0;
  const creates = Array.from({ length: 20 }, () => async () => {
    inFlight++;
    most = Math.max(most, inFlight);
    await sleep(2);
    inFlight--;
  });
  const result = await createPodsPaced(creates, { inFlight: 4, room: () => Infinity, nextPodEvent: sleep, sliceMs: 10_000 });
  expect(result).toEqual({ sent: 20, outcome: 'done' });
  expect(most).toBe(4);
});

it('keeps to the window: creates only while pods starting leave room, and goes on as pod events free it', async () => {
  let starting = 0;
  let most = 0;
  const waiting = new Set<() => void>();
  const creates = Array.from({ length: 10 }, () => async () => {
    starting++;
    most = Math.max(most, starting);
    await sleep(1);
  });
  // The cluster starts one pod every 5 ms and reports it as a pod event.
  const cluster = setInterval(() => {
    if (starting > 0) starting--;
    for (const wake of waiting) wake();
  }, 5);
  const result = await createPodsPaced(creates, {
    inFlight: 4,
    room: () => 3 - starting,
    nextPodEvent: (ms) => new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        waiting.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      waiting.add(wake);
    }),
    sliceMs: 10_000,
  });
  clearInterval(cluster);
  expect(result).toEqual({ sent: 10, outcome: 'done' });
  expect(most).toBeLessThanOrEqual(3);
});

it('ends after its slice, saying whether it was waiting for room, and leaves the rest', async () => {
  const creates = Array.from({ length: 100 }, () => () => sleep(5));
  const sliced = await createPodsPaced(creates, { inFlight: 2, room: () => Infinity, nextPodEvent: sleep, sliceMs: 30 });
  expect(sliced.outcome).toBe('slice');
  expect(sliced.sent).toBeGreaterThan(0);
  expect(sliced.sent).toBeLessThan(100);

  let sent = 0;
  const full = await createPodsPaced(Array.from({ length: 10 }, () => async () => void sent++), {
    inFlight: 2, room: () => 2 - sent, nextPodEvent: sleep, sliceMs: 30,
  });
  expect(full).toEqual({ sent: 2, outcome: 'window' });
});

it('throws the first failure once every creation sent has settled', async () => {
  const settled: number[] = [];
  const creates = Array.from({ length: 6 }, (_, i) => async () => {
    await sleep(i);
    settled.push(i);
    if (i === 1) throw new Error('one');
  });
  await expect(createPodsPaced(creates, { inFlight: 3, room: () => Infinity, nextPodEvent: sleep, sliceMs: 10_000 })).rejects.toThrow('one');
  expect(settled.sort()).toEqual([0, 1, 2, 3, 4, 5]);
});
