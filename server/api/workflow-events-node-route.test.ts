import { describe, expect, it } from 'vitest';
import { matchWorkflowEventsRoute } from './workflow-events-node-route';

describe('matchWorkflowEventsRoute', () => {
  it('names the namespace of the watch path, empty for every namespace as argo-server', () => {
    expect(matchWorkflowEventsRoute('/api/v1/workflow-events/argo')).toEqual({ namespace: 'argo' });
    expect(matchWorkflowEventsRoute('/api/v1/workflow-events/team%2Da/')).toEqual({ namespace: 'team-a' });
    expect(matchWorkflowEventsRoute('/api/v1/workflow-events/')).toEqual({ namespace: '' });
    expect(matchWorkflowEventsRoute('/api/v1/workflow-events')).toEqual({ namespace: '' });
  });

  it('leaves every other path to Next.js', () => {
    expect(matchWorkflowEventsRoute('/api/v1/workflow-events/argo/extra')).toBeUndefined();
    expect(matchWorkflowEventsRoute('/api/v1/workflow-eventsx')).toBeUndefined();
    expect(matchWorkflowEventsRoute('/api/v1/workflows/argo')).toBeUndefined();
    expect(matchWorkflowEventsRoute('/api/v1/workflow-events/%E0%A4%A')).toBeUndefined();
  });
});
