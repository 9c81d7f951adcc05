import { describe, expect, it } from 'vitest';
import { describeJob } from './describe-job';

describe('describeJob', () => {
  it('reads folder, description, parameters and stages of a template', () => {
    const template = {
      metadata: { name: 'build', namespace: 'argo', labels: { team: 'a' }, annotations: { 'capstan.io/folder': 'team-a/backend/', 'workflows.argoproj.io/description': 'Builds **it**' } },
      spec: {
        entrypoint: 'main',
        arguments: { parameters: [{ name: 'branch', value: 'main', description: 'Git branch' }, { name: 'env', enum: ['dev', 'prod'] }] },
        templates: [{ name: 'main', dag: { tasks: [{ name: 'compile' }, { name: 'test' }] } }],
      },
    };
    expect(describeJob('workflowtemplates', template, new Date(0))).toEqual({
      kind: 'workflowtemplates', namespace: 'argo', name: 'build', folder: 'team-a/backend', description: 'Builds **it**',
      labels: { team: 'a' }, stages: ['compile', 'test'],
      parameters: [{ name: 'branch', value: 'main', description: 'Git branch' }, { name: 'env', enum: ['dev', 'prod'] }],
    });
  });
  it('gives a CronWorkflow its schedule and next run, none when suspended', () => {
    const cron = { metadata: { name: 'nightly', namespace: 'argo' }, spec: { schedules: ['0 3 * * *'], timezone: 'UTC', workflowSpec: { entrypoint: 'x' } } };
    const described = describeJob('cronworkflows', cron, new Date('2026-01-01T12:00:00Z'));
    expect(described).toMatchObject({ schedule: '0 3 * * *', timezone: 'UTC', suspended: false, nextRun: '2026-01-02T03:00:00.000Z' });
    expect(describeJob('cronworkflows', { ...cron, spec: { ...cron.spec, suspend: true } }, new Date(0))).toMatchObject({ suspended: true, nextRun: null });
  });
});
