/** How one reconcile creates a workflow's pods. */
export interface CreationPace {
  /** Creations sent at once. */
  inFlight: number;
  /** How many more pods may be created now (the workflow's window less its pods starting). */
  room: () => number;
  /** Resolves at the workflow's next pod event, or after `ms`. */
  nextPodEvent: (ms: number) => Promise<void>;
  /** The pass ends after this long, so a long creation is interrupted by reconciles that save the status. */
  sliceMs: number;
}

/** `done`: every creation was sent; `slice`: the pass ran out of time; `window`: it ran out of time waiting for room. */
export type CreationOutcome = 'done' | 'slice' | 'window';

/**
 * Sends `creates` `inFlight` at a time while the workflow has room for more pods starting, waiting for its pod
 * events when it has none, for at most `sliceMs`; what is left is asked for again by the next reconcile (the engine
 * asks again for every Pending node without a pod). Throws the first failure once every creation sent has settled.
 */
export async function createPodsPaced(creates: Array<() => Promise<void>>, pace: CreationPace): Promise<{ sent: number; outcome: CreationOutcome }> {
  const ends = Date.now() + pace.sliceMs;
  let next = 0;
  const failures: unknown[] = [];
  const worker = async () => {
    while (next < creates.length) {
      const left = ends - Date.now();
      if (left <= 0) return;
      if (pace.room() < 1) {
        await pace.nextPodEvent(left);
        continue;
      }
      // The executor counts a creation as starting before its first await, so the next room() already sees it.
      const create = creates[next++]!;
      await create().catch((error: unknown) => failures.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(pace.inFlight, creates.length) }, worker));
  if (failures.length) throw failures[0];
  const outcome = next >= creates.length ? 'done' : pace.room() < 1 ? 'window' : 'slice';
  return { sent: next, outcome };
}
