/**
 * Runs `tasks` with at most `limit` in flight and waits for all of them; if any failed, throws the first failure
 * once every task has settled (so no task is left running behind a reconcile that already gave up).
 */
export async function runLimited(tasks: Array<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++]!;
      await task().catch((error: unknown) => failures.push(error));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  if (failures.length) throw failures[0];
}
