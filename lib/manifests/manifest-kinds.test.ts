import { describe, expect, it } from 'vitest';
import { parseManifest } from '../workflows/parse-manifest';
import { kindApis, starterManifest } from './manifest-kinds';

describe('editable kinds', () => {
  it.each(['WorkflowTemplate', 'ClusterWorkflowTemplate', 'CronWorkflow'] as const)('%s: a starter that reads, and argo-server’s paths', (kind) => {
    const parsed = parseManifest(starterManifest(kind, 'team-a'));
    expect(parsed).toHaveProperty('object.kind', kind);
    const api = kindApis[kind];
    expect(api.item('team-a', 'x')).toBe(kind === 'ClusterWorkflowTemplate' ? 'api/v1/cluster-workflow-templates/x' : `api/v1/${kind === 'CronWorkflow' ? 'cron-workflows' : 'workflow-templates'}/team-a/x`);
  });
});
