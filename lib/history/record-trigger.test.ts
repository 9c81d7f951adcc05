import { describe, expect, it } from 'vitest';
import { withRecordedTrigger } from './record-trigger';

describe('withRecordedTrigger', () => {
  it('records the caller, replacing a trigger the request tried to set', () => {
    const workflow = { metadata: { name: 'w', annotations: { 'capstan.io/trigger': '{"type":"cron"}', keep: 'me' } } };
    expect(withRecordedTrigger(workflow, { via: 'user', user: 'ann' }).metadata.annotations).toEqual({ keep: 'me', 'capstan.io/trigger': '{"type":"user","user":"ann"}' });
    expect(withRecordedTrigger(workflow, undefined)).toBe(workflow);
  });
});
