import { evaluateBool, ExpressionError, toExpressionEnv } from '../expr';
import type { NodeStatus, RetryStrategy } from '../generated/argo';
import { addSeconds, parseDurationSeconds } from './duration';
import { NodeError, type Operation } from './operation';
import { isFailedOrError, isFulfilled } from './phases';

export type RetryDecision =
  | { done: true }
  | { done: false; attempt: number; attemptName: string; lastAttempt?: NodeStatus };

// Go's humanize-style duration for the "Backoff for ..." message.
function describeSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} seconds`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} minutes`;
  return `${Math.round(seconds / 3600)} hours`;
}

function toLimit(value: unknown): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number.parseInt(String(value), 10);
  if (!Number.isInteger(n)) throw new NodeError(`retryStrategy.limit: "${String(value)}" is not an integer`);
  return n;
}

/**
 * Decides what a Retry node does next, as Argo's processNodeRetries: finish with the last attempt's outcome,
 * wait out a backoff, or start attempt N (named `<node>(N)`).
 */
export function processRetries(op: Operation, retryNode: NodeStatus, strategy: RetryStrategy): RetryDecision {
  if (isFulfilled(retryNode.phase)) return { done: true };
  const attempts = (retryNode.children ?? []).map((id) => op.peekNodeById(id)).filter((n): n is NodeStatus => !!n);
  const last = attempts.at(-1);
  const next = (): RetryDecision => ({ done: false, attempt: attempts.length, attemptName: `${retryNode.name}(${attempts.length})`, ...(last ? { lastAttempt: last } : {}) });
  if (!last) return next();
  if (!isFulfilled(last.phase)) return { done: false, attempt: attempts.length - 1, attemptName: last.name, ...(attempts.length > 1 ? { lastAttempt: attempts.at(-2)! } : {}) };
  const finish = (message?: string): RetryDecision => {
    op.markPhase(retryNode.name, last.phase as 'Failed', message ?? last.message ?? '');
    return { done: true };
  };
  if (!isFailedOrError(last.phase)) {
    if (last.outputs) op.own(retryNode).outputs = structuredClone(last.outputs);
    op.markPhase(retryNode.name, last.phase === 'Succeeded' ? 'Succeeded' : (last.phase as 'Skipped'));
    return { done: true };
  }
  if (op.shutdown) return finish(op.shutdown.message);
  const policy = strategy.retryPolicy || 'OnFailure';
  const retryOnFailed = policy === 'Always' || policy === 'OnFailure' || policy === 'OnTransientError';
  const retryOnError = policy === 'Always' || policy === 'OnError' || policy === 'OnTransientError';
  if (!['Always', 'OnFailure', 'OnError', 'OnTransientError'].includes(policy)) throw new NodeError(`${policy} is not a valid RetryPolicy`);
  if ((last.phase === 'Failed' && !retryOnFailed) || (last.phase === 'Error' && !retryOnError)) return finish();
  const limit = toLimit(strategy.limit);
  if (limit !== undefined && attempts.length > limit) return finish('No more retries left');

  if (strategy.expression) {
    const values: Record<string, string> = {
      'lastRetry.exitCode': last.outputs?.exitCode ?? '0',
      'lastRetry.status': last.phase ?? '',
      'lastRetry.duration': String((Date.parse(last.finishedAt ?? op.nowText) - Date.parse(last.startedAt ?? op.nowText)) / 1000),
      'lastRetry.message': last.message ?? '',
    };
    let proceed: boolean;
    try {
      proceed = evaluateBool(strategy.expression, toExpressionEnv(values, { now: op.now }));
    } catch (error) {
      throw new NodeError(error instanceof ExpressionError ? error.message : String(error));
    }
    if (!proceed) return finish('retryStrategy.expression evaluated to false');
  }

  const backoff = strategy.backoff;
  if (backoff) {
    const first = attempts[0]!;
    let maxDeadline: Date | undefined;
    if (backoff.maxDuration) {
      maxDeadline = addSeconds(first.startedAt ?? op.nowText, parseDurationSeconds(backoff.maxDuration));
      if (op.now >= maxDeadline) return finish('Max duration limit exceeded');
    }
    if (!backoff.duration) throw new NodeError('no base duration specified for retryStrategy');
    let wait = parseDurationSeconds(backoff.duration);
    const factor = backoff.factor === undefined ? undefined : Number(backoff.factor);
    if (factor && factor > 0) wait *= factor ** (attempts.length - 1);
    if (backoff.cap) wait = Math.min(wait, parseDurationSeconds(backoff.cap));
    const until = addSeconds(last.finishedAt ?? op.nowText, wait);
    if (maxDeadline && until > maxDeadline) return finish('Backoff would exceed max duration limit');
    if (op.now < until && limit !== undefined && attempts.length <= limit) {
      op.requeue((until.getTime() - op.now.getTime()) / 1000);
      op.own(retryNode).message = `Backoff for ${describeSeconds(wait)}`;
      return { done: true };
    }
    if (retryNode.message !== undefined) delete op.own(retryNode).message;
  }
  return next();
}
