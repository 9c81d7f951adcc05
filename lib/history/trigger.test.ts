import { describe, expect, it } from 'vitest';
import { decideTrigger } from './trigger';

const wf = (labels: Record<string, string> = {}, annotations: Record<string, string> = {}) => ({ metadata: { name: 'w', labels, annotations } });

describe('decideTrigger', () => {
  it('says cron for scheduled runs and who submitted otherwise', () => {
    expect(decideTrigger(wf({ 'workflows.argoproj.io/cron-workflow': 'n' }, { 'workflows.argoproj.io/scheduled-time': '2026-01-01T00:00:00Z' })))
      .toEqual({ type: 'cron', scheduledTime: '2026-01-01T00:00:00Z' });
    expect(decideTrigger(wf({ 'workflows.argoproj.io/cron-workflow': 'n' }), { caller: { via: 'user', user: 'ann' } })).toEqual({ type: 'user', user: 'ann' });
    expect(decideTrigger(wf(), { caller: { via: 'cli' } })).toEqual({ type: 'cli' });
  });
  it('says kubectl for workflows nobody announced, cli when argo-server recorded a creator', () => {
    expect(decideTrigger(wf())).toEqual({ type: 'kubectl' });
    expect(decideTrigger(wf({ 'workflows.argoproj.io/creator': 'bob' }))).toEqual({ type: 'cli', user: 'bob' });
  });
  it('says event for workflow event bindings', () => {
    expect(decideTrigger(wf({ 'workflows.argoproj.io/workflow-event-binding': 'b' }))).toEqual({ type: 'event' });
  });
  it('links resubmits and retries to the build they repeat', () => {
    expect(decideTrigger(wf({ 'workflows.argoproj.io/resubmitted-from-workflow': 'w-1' }), { resubmittedFrom: 3 })).toEqual({ type: 'resubmit', retryOf: 3 });
    expect(decideTrigger(wf({}, { 'capstan.io/trigger': '{"type":"cron"}' }), { copyOf: 7 })).toEqual({ type: 'retry', retryOf: 7 });
  });
  it('keeps a recorded trigger, ignoring malformed ones', () => {
    expect(decideTrigger(wf({}, { 'capstan.io/trigger': '{"type":"user","user":"ann"}' }))).toEqual({ type: 'user', user: 'ann' });
    expect(decideTrigger(wf({}, { 'capstan.io/trigger': '{"type":"bogus"}' }))).toEqual({ type: 'kubectl' });
    expect(decideTrigger(wf({}, { 'capstan.io/trigger': 'not json' }))).toEqual({ type: 'kubectl' });
  });
});
