import { expect, it } from 'vitest';
import { StreamMerger } from './merge-streams';

async function* delayed(items: string[], ms: number) {
  for (const item of items) {
    await new Promise((r) => setTimeout(r, ms));
    yield item;
  }
}

it('interleaves streams, accepts late joiners and ends when closed and drained', async () => {
  const merger = new StreamMerger<string>(new AbortController().signal);
  merger.add(delayed(['a1', 'a2', 'a3'], 10));
  setTimeout(() => {
    merger.add(delayed(['b1'], 1));
    merger.close();
  }, 15);
  const seen: string[] = [];
  for await (const item of merger) seen.push(item);
  expect(seen.sort()).toEqual(['a1', 'a2', 'a3', 'b1']);
});

it('stops when aborted', async () => {
  const abort = new AbortController();
  const merger = new StreamMerger<string>(abort.signal);
  merger.add(delayed(['x', 'y', 'z'], 20));
  setTimeout(() => abort.abort(), 30);
  const seen: string[] = [];
  for await (const item of merger) seen.push(item);
  expect(seen.length).toBeLessThan(3);
});
