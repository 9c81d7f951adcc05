/**
 * The random pauses of a fault test that kills Capstan at random points: seeded from the clock and the seed logged,
 * so a failing schedule can be told apart and replayed (CAPSTAN_KILL_SEED=<seed>).
 */
export function killSchedule(): { seed: number; random: () => number } {
  const seed = Number(process.env.CAPSTAN_KILL_SEED) || Date.now() % 100_000;
  let state = seed;
  console.log(`kill schedule seed ${seed}`);
  // Park and Miller's minimal standard generator: enough to spread the kills, and the same for the same seed.
  return { seed, random: () => ((state = (state * 16807) % 2147483647) / 2147483647) };
}
