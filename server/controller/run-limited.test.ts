import { expect, it } from 'vitest';
import { runLimited } from './run-limited';

it('keeps at most `limit` tasks in flight, runs them all, and throws the first failure after all settled', async () => {
  let inFlight = 0;
  let most = 0;
  const done: number[] = [];
  const task = (i: number) => async () => {
    inFlight++;
    most = Math.max(most, inFlight);
    await new Promise((r) => setTimeout(r, 5));
    inFlight--;
    done.push(i);
    if (i === 3) throw new Error('three');
  };
  await expect(runLimited(Array.from({ length: 10 }, (_, i) => task(i)), 4)).rejects.toThrow('three');
  expect(most).toBe(4);
  expect(done.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  await runLimited([], 4);
});
