import { describe, expect, it } from 'vitest';
import { cronVariables, evaluateCronWhen, evaluateStopStrategy } from './cron-env';
import { buildCron } from './testing/build-cron';

const now = new Date('2024-03-01T12:00:00Z');

describe('cron `when`', () => {
  it('is true when empty', () => {
    expect(evaluateCronWhen(buildCron(), now)).toEqual({ ok: true, value: true });
  });

  it('evaluates the docs example that keeps runs an hour apart', () => {
    const when = '{{= cronworkflow.lastScheduledTime == nil || (now() - cronworkflow.lastScheduledTime).Seconds() > 3600 }}';
    expect(evaluateCronWhen(buildCron({ when }), now)).toEqual({ ok: true, value: true });
    expect(evaluateCronWhen(buildCron({ when }, { lastScheduledTime: '2024-03-01T11:30:00Z' }), now)).toEqual({ ok: true, value: false });
    expect(evaluateCronWhen(buildCron({ when }, { lastScheduledTime: '2024-03-01T10:30:00Z' }), now)).toEqual({ ok: true, value: true });
  });

  it('substitutes string variables and counters through expressions', () => {
    expect(evaluateCronWhen(buildCron({ when: '{{cronworkflow.name}} == nightly' }), now).ok).toBe(false);
    expect(evaluateCronWhen(buildCron({ when: "'{{cronworkflow.name}}' == 'nightly'" }), now)).toEqual({ ok: true, value: true });
    expect(evaluateCronWhen(buildCron({ when: '{{= cronworkflow.failed < 2 }}' }, { failed: 2 }), now)).toEqual({ ok: true, value: false });
    expect(evaluateCronWhen(buildCron({ when: 'true' }), now)).toEqual({ ok: true, value: true });
  });

  it('reports errors as Argo does', () => {
    // Counters are not strings: a plain tag cannot take them (Argo's simple template replacement).
    expect(evaluateCronWhen(buildCron({ when: '{{cronworkflow.failed}} < 2' }), now))
      .toEqual({ ok: false, message: 'failed to resolve {{cronworkflow.failed}} to string' });
    expect(evaluateCronWhen(buildCron({ when: '{{cronworkflow.nope}}' }), now)).toEqual({ ok: false, message: 'failed to resolve {{cronworkflow.nope}}' });
    expect(evaluateCronWhen(buildCron({ when: '1 + 1' }), now)).toEqual({ ok: false, message: "Expected boolean evaluation for '1 + 1'. Got 2" });
  });
});

describe('stopStrategy', () => {
  it('never stops without a strategy', () => {
    expect(evaluateStopStrategy(buildCron(), now)).toEqual({ ok: true, value: false });
  });

  it('reads cronworkflow.failed and cronworkflow.succeeded', () => {
    const cron = (failed: number) => buildCron({ stopStrategy: { expression: 'cronworkflow.failed >= 3' } }, { failed, succeeded: 5 });
    expect(evaluateStopStrategy(cron(2), now)).toEqual({ ok: true, value: false });
    expect(evaluateStopStrategy(cron(3), now)).toEqual({ ok: true, value: true });
    expect(evaluateStopStrategy(buildCron({ stopStrategy: { expression: 'cronworkflow.succeeded >= 1' } }), now)).toEqual({ ok: true, value: false });
  });

  it('reads the name, labels and last scheduled time', () => {
    const cron = buildCron({ stopStrategy: { expression: "cronworkflow.name == 'nightly' && cronworkflow.labels.team == 'a' && cronworkflow.lastScheduledTime != nil" } },
      { lastScheduledTime: '2024-03-01T11:00:00Z' }, { labels: { team: 'a' } });
    expect(evaluateStopStrategy(cron, now)).toEqual({ ok: true, value: true });
  });

  it('fails on a non-boolean or unknown variable', () => {
    const result = evaluateStopStrategy(buildCron({ stopStrategy: { expression: 'cronworkflow.failed' } }), now);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^failed to evaluate stop expression: unable to cast expression result 'int' to bool/);
    expect(evaluateStopStrategy(buildCron({ stopStrategy: { expression: 'workflow.failed > 1' } }), now).ok).toBe(false);
  });
});

describe('cronVariables', () => {
  it('gives Argo its variables, with the labels under annotations as Argo does', () => {
    const variables = cronVariables(buildCron({}, undefined, { labels: { b: '2', a: '1' }, annotations: { x: 'y' } }));
    expect(variables['cronworkflow.annotations']).toEqual({ b: '2', a: '1' });
    expect(variables['cronworkflow.labels.json']).toBe('{"a":"1","b":"2"}');
    expect(variables['cronworkflow.annotations.json']).toBe('{"x":"y"}');
    expect(variables['cronworkflow.lastScheduledTime']).toBeNull();
    expect(variables['cronworkflow.failed']).toBe(0n);
  });
});
