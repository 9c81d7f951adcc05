/**
 * An error raised while tokenizing, parsing or evaluating an expression. `position` is the 0-based offset (in UTF-16
 * code units) of the offending token in `source`; the message shows it 1-based, as a column, the way expr-lang does.
 */
export class ExpressionError extends Error {
  readonly reason: string;
  readonly source: string | undefined;
  readonly position: number | undefined;

  constructor(reason: string, source?: string, position?: number) {
    super(describeError(reason, source, position));
    this.name = 'ExpressionError';
    this.reason = reason;
    this.source = source;
    this.position = position;
  }
}

/** Builds the message of an ExpressionError: `unexpected token ")" at 6 in "a == )"`. */
export function describeError(reason: string, source?: string, position?: number): string {
  if (source === undefined) return reason;
  const where = position === undefined ? '' : ` at ${position + 1}`;
  return `${reason}${where} in ${JSON.stringify(source)}`;
}

/** Raises an ExpressionError that carries no location yet; the evaluator adds the node's position and source. */
export function fail(reason: string): never {
  throw new ExpressionError(reason);
}

/** Gives an error without a location the source and position of the node being evaluated; located errors pass. */
export function locateError(error: unknown, source: string, position: number): ExpressionError {
  if (error instanceof ExpressionError) {
    return error.source === undefined ? new ExpressionError(error.reason, source, position) : error;
  }
  // A JavaScript error from deep inside (a RangeError from BigInt, say) is still the expression's failure.
  const reason = error instanceof Error ? error.message : String(error);
  return new ExpressionError(reason, source, position);
}
