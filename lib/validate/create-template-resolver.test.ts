import { describe, expect, it } from 'vitest';
import { createTemplateResolver } from './create-template-resolver';

describe('createTemplateResolver', () => {
  const resolver = createTemplateResolver([
    { kind: 'WorkflowTemplate', metadata: { name: 'a', namespace: 'team' }, spec: {} },
    { kind: 'WorkflowTemplate', metadata: { name: 'b' }, spec: {} },
    { kind: 'ClusterWorkflowTemplate', metadata: { name: 'c' }, spec: {} },
    { kind: 'Workflow', metadata: { name: 'a' } },
  ]);

  it('finds WorkflowTemplates in their namespace, or anywhere when they have none', () => {
    expect(resolver.getWorkflowTemplate('a', 'team')?.metadata?.namespace).toBe('team');
    expect(resolver.getWorkflowTemplate('a', 'other')).toBeUndefined();
    expect(resolver.getWorkflowTemplate('b', 'other')?.metadata?.name).toBe('b');
  });

  it('finds ClusterWorkflowTemplates by name only', () => {
    expect(resolver.getClusterWorkflowTemplate('c')?.kind).toBe('ClusterWorkflowTemplate');
    expect(resolver.getClusterWorkflowTemplate('a')).toBeUndefined();
  });
});
