import { describe, expect, it } from 'vitest';
import { buildContainer, buildCronWorkflow } from './test-builders';
import { validateCronWorkflow } from './validate-cron-workflow';

const workflowSpec = { entrypoint: 'main', templates: [buildContainer()] };
const errorsOf = (spec: Record<string, unknown>, inner: Record<string, unknown> = workflowSpec) => validateCronWorkflow(buildCronWorkflow(inner, spec)).errors;

describe('validateCronWorkflow', () => {
  it('accepts standard schedules, descriptors and time zones', () => {
    expect(errorsOf({})).toEqual([]);
    expect(errorsOf({ schedules: ['@every 5m', 'CRON_TZ=Europe/Paris 0 9 * * mon-fri'], timezone: 'America/Los_Angeles', concurrencyPolicy: 'Forbid' })).toEqual([]);
  });

  it('reports malformed schedules', () => {
    expect(errorsOf({ schedules: ['0 0 * * * *'] })).toEqual([
      { path: 'spec.schedules[0]', message: 'cron schedule "0 0 * * * *" is malformed: expected exactly 5 fields, found 6: [0 0 * * * *]' },
    ]);
    expect(errorsOf({ schedules: [] })).toEqual([{ path: 'spec.schedules', message: 'cron workflow must have at least one schedule' }]);
  });

  it('reports unknown time zones, concurrency policies and negative deadlines', () => {
    expect(errorsOf({ timezone: 'Mars/Olympus_Mons' })).toEqual([
      { path: 'spec.timezone', message: 'invalid timezone "Mars/Olympus_Mons": unknown time zone Mars/Olympus_Mons' },
    ]);
    expect(errorsOf({ concurrencyPolicy: 'Sometimes' })).toEqual([
      { path: 'spec.concurrencyPolicy', message: "'Sometimes' is not a valid concurrencyPolicy: use Allow, Forbid or Replace" },
    ]);
    expect(errorsOf({ startingDeadlineSeconds: -1 })).toEqual([
      { path: 'spec.startingDeadlineSeconds', message: 'startingDeadlineSeconds must be positive' },
    ]);
  });

  it('limits the name to 52 characters, leaving room for the timestamp suffix', () => {
    const cron = { ...buildCronWorkflow(workflowSpec), metadata: { name: 'c'.repeat(53) } };
    expect(validateCronWorkflow(cron).errors).toEqual([
      { path: 'metadata.name', message: `cron workflow name "${'c'.repeat(53)}" must not be more than 52 characters long (currently 53)` },
    ]);
  });

  it('validates the workflow as submission would, so arguments need values', () => {
    expect(errorsOf({}, { ...workflowSpec, arguments: { parameters: [{ name: 'p' }] } })).toEqual([
      { path: 'spec.workflowSpec.arguments.parameters[0]', message: "parameter 'p' needs a value or valueFrom" },
    ]);
    expect(errorsOf({}, { ...workflowSpec, entrypoint: 'nope' })).toEqual([
      { path: 'spec.workflowSpec.entrypoint', message: "template name 'nope' undefined" },
    ]);
  });

  it('knows the label the cron controller sets', () => {
    const uses = { entrypoint: 'main', templates: [buildContainer('main', { container: { image: 'a', args: ['{{workflow.labels.workflows.argoproj.io/cron-workflow}}'] } })] };
    expect(errorsOf({}, uses)).toEqual([]);
  });
});
