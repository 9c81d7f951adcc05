import { describe, expect, it } from 'vitest';
import { shutdownWorkflow } from './shutdown-workflow';
import { suspendWorkflow } from './suspend-workflow';
import { buildWorkflow } from './testing/build-workflow';

describe('suspendWorkflow', () => {
  it('sets spec.suspend once', () => {
    const suspended = suspendWorkflow(buildWorkflow('Running'));
    expect(suspended?.spec.suspend).toBe(true);
    expect(suspendWorkflow(suspended!)).toBeUndefined();
  });

  it('refuses completed workflows by their label', () => {
    expect(() => suspendWorkflow(buildWorkflow('Succeeded', [], { 'workflows.argoproj.io/completed': 'true' }))).toThrow(
      'cannot suspend completed workflows',
    );
  });
});

describe('shutdownWorkflow', () => {
  it('sets spec.shutdown', () => {
    expect(shutdownWorkflow(buildWorkflow('Running'), 'Stop').spec.shutdown).toBe('Stop');
    expect(shutdownWorkflow(buildWorkflow(''), 'Terminate').spec.shutdown).toBe('Terminate');
  });

  it('refuses completed workflows by their phase', () => {
    expect(() => shutdownWorkflow(buildWorkflow('Failed'), 'Terminate')).toThrow(
      'cannot shutdown a completed workflow: workflow: "wf", namespace: "argo"',
    );
  });
});
