import { expect, it } from 'vitest';
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
