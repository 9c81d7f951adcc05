import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteSession } from './sql-session';

const db = new PGlite();
afterAll(() => db.close());

describe('pgliteSession', () => {
  it('lets timers and I/O run between queued statements, in order, and keeps transactions whole', async () => {
    const session = pgliteSession(db);
    const other = pgliteSession(db);
    await session.query('CREATE TABLE numbers (n int)');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const inserts = Array.from({ length: 300 }, (_, n) => (n % 2 ? session : other).query('INSERT INTO numbers VALUES ($1)', [n]));
    const counted = session.transaction(async (tx) => {
      await tx.query('INSERT INTO numbers VALUES (-1)');
      return (await tx.query<{ count: number }>('SELECT count(*)::int AS count FROM numbers')).rows[0]?.count;
    });
    await Promise.all(inserts);
    clearInterval(timer);
    // Queued after the 300 inserts of both sessions (one queue per database), it sees all of them and its own.
    expect(await counted).toBe(301);
    // Without turns, PGlite runs every queued statement back to back and the 1 ms timer never fires.
    expect(ticks).toBeGreaterThan(0);
    await expect(session.query('SELECT * FROM missing')).rejects.toThrow('missing');
    expect((await session.query<{ count: number }>('SELECT count(*)::int AS count FROM numbers')).rows[0]?.count).toBe(301);
  }, 60_000); // PGlite's first start takes seconds on a loaded machine.
});
