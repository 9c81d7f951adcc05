import { describe, expect, it } from 'vitest';
import { capturesResult, scriptPath, toArgv, toStepEnv } from './step-command';
import type { StepSpec } from './step-runner';

const base: StepSpec = { id: 'wf-123', workflow: { namespace: 'argo', name: 'wf', uid: 'u' }, templateName: 't', container: {} };
const context = { home: '/tmp', startedAt: new Date('2025-01-01T00:00:00Z'), includeScriptOutput: false };

describe('toArgv', () => {
  it('runs command then args, expanding $(VAR) from the environment', () => {
    const spec = { ...base, container: { command: ['echo'], args: ['$(GREETING)', 'x'] } };
    expect(toArgv(spec, { GREETING: 'hi' })).toEqual(['echo', 'hi', 'x']);
  });

  it("appends the staged script to a script template's args, under sh by default", () => {
    expect(toArgv({ ...base, script: { source: 'echo hi' } }, {})).toEqual(['sh', scriptPath]);
    const python = { ...base, container: { command: ['python3'], args: ['-u'] }, script: { source: 'print(1)' } };
    expect(toArgv(python, {}, '/host/script')).toEqual(['python3', '-u', '/host/script']);
  });

  it('runs args alone as the command, and gives up when there is nothing', () => {
    expect(toArgv({ ...base, container: { args: ['ls', '-l'] } }, {})).toEqual(['ls', '-l']);
    expect(toArgv(base, {})).toBeUndefined();
    expect(toArgv({ ...base, script: { source: '' } }, {})).toBeUndefined();
  });
});

describe('toStepEnv', () => {
  it("layers defaults, the template's env and Argo's variables, which win", () => {
    const spec = { ...base, container: { env: [{ name: 'A', value: 'a' }, { name: 'B', value: '$(A)-b' }, { name: 'ARGO_NODE_ID', value: 'mine' }] } };
    const env = toStepEnv(spec, context);
    expect(env).toMatchObject({ HOME: '/tmp', A: 'a', B: 'a-b', ARGO_NODE_ID: 'wf-123', ARGO_WORKFLOW_NAME: 'wf', ARGO_CONTAINER_NAME: 'main' });
    expect(env.PATH).toContain('/usr/bin');
    expect(env.ARGO_INCLUDE_SCRIPT_OUTPUT).toBe('false');
  });

  it('gives the earliest deadline, or Go\'s zero time when there is none', () => {
    expect(toStepEnv(base, context).ARGO_DEADLINE).toBe('0001-01-01T00:00:00Z');
    expect(toStepEnv({ ...base, activeDeadlineSeconds: 60 }, context).ARGO_DEADLINE).toBe('2025-01-01T00:01:00Z');
    const both = { ...base, activeDeadlineSeconds: 60, deadline: '2025-01-01T00:00:30Z' };
    expect(toStepEnv(both, context).ARGO_DEADLINE).toBe('2025-01-01T00:00:30Z');
  });
});

describe('capturesResult', () => {
  it('defaults to true for scripts only, and follows an explicit choice', () => {
    expect(capturesResult(base)).toBe(false);
    expect(capturesResult({ ...base, script: { source: 'x' } })).toBe(true);
    expect(capturesResult({ ...base, includeScriptOutput: true })).toBe(true);
  });
});
