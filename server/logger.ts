import pino from 'pino';

/** Structured JSON logs on stdout, one line per event, as log collectors expect. */
export function createLogger(level: string) {
  return pino({ level, base: { service: 'capstan' }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type Logger = ReturnType<typeof createLogger>;
