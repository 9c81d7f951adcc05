import { ExpressionError, evaluateBool, evaluateWhen, substituteTemplate } from '@/lib/expr';
import type { Value, ValueMap } from '@/lib/expr';
import { toGoTime } from '@/lib/expr/go-time';
import { toValueMap } from '@/lib/expr/value';
import type { CronWorkflow } from '@/lib/generated/argo';

// The `cronworkflow.*` variables Argo's expressionEnv (workflow/cron/operator.go) gives `spec.when` and
// `spec.stopStrategy.expression`. Kept as Argo has them, including that `cronworkflow.annotations` holds the labels.

/** The outcome of a cron expression: its truth, or Argo's error message. */
export type CronExpressionResult = { ok: true; value: boolean } | { ok: false; message: string };

type CronLike = Pick<CronWorkflow, 'metadata' | 'spec' | 'status'>;

// Go's json.Marshal of a map[string]string: keys sorted, a nil map is `null`.
function toJsonMap(map: Record<string, string> | undefined): string {
  if (!map) return 'null';
  return JSON.stringify(Object.fromEntries(Object.keys(map).sort().map((key) => [key, map[key]])));
}

/** The variables by their canonical names (`cronworkflow.failed`, ...). */
export function cronVariables(cron: CronLike): Record<string, Value> {
  const labels = toValueMap(Object.entries(cron.metadata.labels ?? {}));
  const last = cron.status?.lastScheduledTime;
  return {
    'cronworkflow.name': cron.metadata.name ?? '',
    'cronworkflow.namespace': cron.metadata.namespace ?? '',
    'cronworkflow.labels': labels,
    // Argo sets the annotations variable from the labels (operator.go's expressionEnv); kept for parity.
    'cronworkflow.annotations': labels,
    'cronworkflow.failed': BigInt(cron.status?.failed ?? 0),
    'cronworkflow.succeeded': BigInt(cron.status?.succeeded ?? 0),
    'cronworkflow.annotations.json': toJsonMap(cron.metadata.annotations),
    'cronworkflow.labels.json': toJsonMap(cron.metadata.labels),
    'cronworkflow.lastScheduledTime': last ? toGoTime(new Date(last)) : null,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// evaluateWhen words its errors for steps; Argo's cron `when` reports govaluate's own message.
function cronWhenMessage(condition: string, message: string): string {
  for (const prefix of [`Invalid 'when' expression '${condition}': `, `Failed to parse 'when' expression '${condition}': `,
    `Failed to evaluate 'when' expresion '${condition}': `]) {
    if (message.startsWith(prefix)) return message.slice(prefix.length).replace(/ \(hint: try wrapping the affected expression in quotes \("\)\)$/, '');
  }
  return message;
}

/**
 * Evaluates `spec.when` as Argo's evalWhen: `{{...}}` tags are substituted strictly (a `{{=expr}}` sees the
 * variables and `now()`), then the text is a govaluate expression without bare words. An empty `when` is true.
 */
export function evaluateCronWhen(cron: CronLike, now: Date): CronExpressionResult {
  const when = cron.spec.when ?? '';
  if (when === '') return { ok: true, value: true };
  let condition: string;
  try {
    condition = substituteTemplate(when, cronVariables(cron), { now });
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
  const result = evaluateWhen(condition, { barewordsAsStrings: false });
  return result.ok ? result : { ok: false, message: cronWhenMessage(condition, result.error.message) };
}

/**
 * Evaluates `spec.stopStrategy.expression` as Argo's checkStopingCondition: expr-lang over `cronworkflow.*` (no
 * sprig or other helpers). Without a stop strategy the CronWorkflow never stops.
 */
export function evaluateStopStrategy(cron: CronLike, now: Date): CronExpressionResult {
  const expression = cron.spec.stopStrategy?.expression;
  if (expression === undefined) return { ok: true, value: false };
  const inner: ValueMap = {};
  for (const [name, value] of Object.entries(cronVariables(cron))) inner[name.slice('cronworkflow.'.length)] = value;
  try {
    return { ok: true, value: evaluateBool(expression, { cronworkflow: inner }, { now }) };
  } catch (error) {
    const reason = error instanceof ExpressionError ? error.message : messageOf(error);
    return { ok: false, message: `failed to evaluate stop expression: ${reason}` };
  }
}
