import { describe, expect, it } from 'vitest';
import { CronTimers, type Timers } from './cron-timers';

// A manual clock: timers run only when the test says so.
function manualClock(start: string) {
  let time = Date.parse(start);
  const pending = new Map<number, { at: number; callback: () => void }>();
  let ids = 0;
  const timers: Timers = {
    setTimeout: (callback, ms) => {
      pending.set(++ids, { at: time + ms, callback });
      return ids;
    },
    clearTimeout: (handle) => pending.delete(handle as number),
  };
  return {
    timers,
    now: () => new Date(time),
    pendingDelays: () => [...pending.values()].map((p) => p.at - time),
    /** Sets the clock, then runs the timers due by then (as a late or early wake would). */
    wake(iso: string, onlyDue = true) {
      time = Date.parse(iso);
      for (const [id, entry] of [...pending]) {
        if (onlyDue && entry.at > time) continue;
        pending.delete(id);
        entry.callback();
      }
    },
  };
}

const everyMinute = (after: Date) => new Date((Math.floor(after.getTime() / 60_000) + 1) * 60_000);

describe('CronTimers', () => {
  it('fires once per activation and re-arms for the next', () => {
    const clock = manualClock('2024-01-01T12:00:30Z');
    const fired: string[] = [];
    const timers = new CronTimers(clock.timers, clock.now, (key, at) => fired.push(`${key}@${at.toISOString()}`));
    timers.ensure('argo/a', '* * * * *', everyMinute);
    expect(clock.pendingDelays()).toEqual([30_000]);
    clock.wake('2024-01-01T12:01:00.003Z');
    expect(fired).toEqual(['argo/a@2024-01-01T12:01:00.000Z']);
    expect(timers.nextTime('argo/a')?.toISOString()).toBe('2024-01-01T12:02:00.000Z');
  });

  it('does not fire when woken early, and fires once for the armed time when woken late', () => {
    const clock = manualClock('2024-01-01T12:00:30Z');
    const fired: string[] = [];
    const timers = new CronTimers(clock.timers, clock.now, (_, at) => fired.push(at.toISOString()));
    timers.ensure('argo/a', '* * * * *', everyMinute);
    clock.wake('2024-01-01T12:00:59.999Z', false);
    expect(fired).toEqual([]);
    // Asleep for five minutes: one fire, for 12:01, then the next activation after now.
    clock.wake('2024-01-01T12:05:30Z');
    expect(fired).toEqual(['2024-01-01T12:01:00.000Z']);
    expect(timers.nextTime('argo/a')?.toISOString()).toBe('2024-01-01T12:06:00.000Z');
  });

  it('keeps an entry for the same schedule, re-arms for a new one, and waits at most a minute at a time', () => {
    const clock = manualClock('2024-01-01T12:00:30Z');
    const timers = new CronTimers(clock.timers, clock.now, () => {});
    const yearly = () => new Date('2025-01-01T00:00:00Z');
    timers.ensure('argo/a', '@yearly', yearly);
    expect(clock.pendingDelays()).toEqual([60_000]);
    timers.ensure('argo/a', '@yearly', everyMinute);
    expect(timers.nextTime('argo/a')?.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    timers.ensure('argo/a', '* * * * *', everyMinute);
    expect(timers.nextTime('argo/a')?.toISOString()).toBe('2024-01-01T12:01:00.000Z');
    expect(clock.pendingDelays()).toEqual([30_000]);
    timers.remove('argo/a');
    expect(clock.pendingDelays()).toEqual([]);
  });
});
