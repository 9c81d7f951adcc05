/** How `until` waits and what it shows when it gives up. */
export interface UntilOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** The output of the process under test (e.g. Capstan's log), its tail shown when the wait times out. */
  output?: () => string | undefined;
}

/**
 * Polls `read` until `done` holds for its value and returns that value; on timeout throws an error naming `what`,
 * the last value read and the tail of the process output, so a failing integration test says what it saw.
 */
export async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, options: UntilOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      const output = options.output?.() ?? '';
      throw new Error(`${what}: still ${JSON.stringify(value)?.slice(0, 400)}${output ? `\n${output.slice(-2500)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 200));
  }
}

/** `until` bound to one test file's default timeout and process output; a call may still pass its own timeout. */
export function untilWith(defaults: UntilOptions) {
  return <T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = defaults.timeoutMs): Promise<T> =>
    until(what, read, done, { ...defaults, timeoutMs });
}
