import { describe, expect, it } from 'vitest';
import { TaskLimiter } from './task-limiter';

describe('TaskLimiter', () => {
  it('runs at most `limit` tasks at once, in order, and all of them', async () => {
    const limiter = new TaskLimiter(2);
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await new Promise<void>((allDone) => {
      for (let i = 0; i < 6; i++) {
        limiter.run(async () => {
          running++;
          most = Math.max(most, running);
          await new Promise((r) => setTimeout(r, 5));
          running--;
          done.push(i);
          if (done.length === 6) allDone();
        });
      }
      expect(limiter.pending).toBe(6);
    });
    expect(most).toBe(2);
    expect(done).toEqual([0, 1, 2, 3, 4, 5]);
    await new Promise((r) => setTimeout(r, 0));
    expect(limiter.pending).toBe(0);
  });

  it('goes on after a task fails', async () => {
    const limiter = new TaskLimiter(1);
    const ran: string[] = [];
    await new Promise<void>((resolve) => {
      limiter.run(async () => {
        ran.push('a');
        throw new Error('failed');
      });
      limiter.run(async () => {
        ran.push('b');
        resolve();
      });
    });
    expect(ran).toEqual(['a', 'b']);
  });
});
