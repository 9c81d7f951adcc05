import { ExpressionError } from './expression-error';
import { evaluateGovaluate, planGovaluate } from './govaluate-evaluate';
import type { GovaluateValue } from './govaluate-evaluate';
import { checkGovaluateTokens, tokenizeGovaluate } from './govaluate-tokenize';
import type { GovaluateToken } from './govaluate-tokenize';
import { formatGoValue } from './format-go-value';

// Argo's legacy `when:` (workflow/controller/steps.go shouldExecute): after `{{...}}` tags are substituted, the text
// is a govaluate expression in which every bare word counts as a string, so "heads == heads" and
// "Failed != Succeeded" work unquoted. Numbers, true/false, quoted strings and operators keep their meaning.

/** The outcome of a `when` condition: its truth, or the error Argo would report. */
export type WhenResult = { ok: true; value: boolean } | { ok: false; error: ExpressionError };

/** Options for evaluateWhen. */
export interface WhenOptions {
  /**
   * Treat bare words as strings (true, the default, as steps and DAG tasks do). CronWorkflow `when` does not, so a
   * bare word there is an unknown parameter.
   */
  barewordsAsStrings?: boolean;
}

function describe(value: GovaluateValue): string {
  if (value instanceof RegExp) return value.source;
  if (Array.isArray(value)) return `[${value.map(describe).join(' ')}]`;
  return formatGoValue(value);
}

function reasonOf(error: unknown): string {
  return error instanceof ExpressionError ? error.reason : error instanceof Error ? error.message : String(error);
}

/** Evaluates an already-substituted legacy `when` condition; an empty condition is true. Never throws. */
export function evaluateWhen(condition: string, options: WhenOptions = {}): WhenResult {
  const failure = (message: string): WhenResult => ({ ok: false, error: new ExpressionError(message) });
  if (condition === '') return { ok: true, value: true };
  let tokens: GovaluateToken[];
  try {
    tokens = checkGovaluateTokens(tokenizeGovaluate(condition), condition);
    planGovaluate(tokens);
  } catch (error) {
    const reason = reasonOf(error);
    const hint = reason.includes('Invalid token') ? ' (hint: try wrapping the affected expression in quotes ("))' : '';
    return failure(`Invalid 'when' expression '${condition}': ${reason}${hint}`);
  }
  if (options.barewordsAsStrings ?? true) {
    tokens = tokens.map((token) => (token.kind === 'VARIABLE' ? { kind: 'STRING', value: token.value } : token));
  }
  let stage: ReturnType<typeof planGovaluate>;
  try {
    stage = planGovaluate(checkGovaluateTokens(tokens, condition));
  } catch (error) {
    return failure(`Failed to parse 'when' expression '${condition}': ${reasonOf(error)}`);
  }
  let result: GovaluateValue;
  try {
    result = evaluateGovaluate(stage);
  } catch (error) {
    // "expresion" is Argo's spelling; the message is kept identical to what argo-server reports.
    return failure(`Failed to evaluate 'when' expresion '${condition}': ${reasonOf(error)}`);
  }
  if (typeof result !== 'boolean') return failure(`Expected boolean evaluation for '${condition}'. Got ${describe(result)}`);
  return { ok: true, value: result };
}
