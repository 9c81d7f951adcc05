import { describe, expect, it } from 'vitest';
import { requestNamespace } from './request-namespace';

const ns = (path: string) => requestNamespace(new URL(path, 'http://h'));

describe('requestNamespace', () => {
  it('reads the namespace segment of namespaced API paths, with or without the base path', () => {
    expect(ns('/api/v1/workflows/team-a')).toBe('team-a');
    expect(ns('/argo/api/v1/workflows/team-a/wf-1/log?podName=x')).toBe('team-a');
    expect(ns('/api/v1/workflow-events/team-a?listOptions.fieldSelector=x')).toBe('team-a');
    expect(ns('/api/v1/stream/events/team-a')).toBe('team-a');
    expect(ns('/api/capstan/v1/jobs/workflowtemplate/team-a/nightly/builds')).toBe('team-a');
    expect(ns('/artifact-files/team-a/workflows/wf/n/outputs/a')).toBe('team-a');
    expect(ns('/argo/badge/team-a/nightly')).toBe('team-a');
  });

  it('reads ?namespace= (archived workflows) and is undefined for cluster-wide calls', () => {
    expect(ns('/api/v1/archived-workflows?namespace=team-a')).toBe('team-a');
    expect(ns('/api/v1/cluster-workflow-templates')).toBeUndefined();
    expect(ns('/api/v1/workflows/')).toBeUndefined();
    expect(ns('/api/v1/version')).toBeUndefined();
  });
});
