import { describe, expect, it } from 'vitest';
import type { Workflow } from '../generated/argo';
import { applyWorkflowDefaults, templateSpecWithDefaults } from './workflow-defaults';

const defaults = {
  metadata: { labels: { team: 'platform', env: 'default' }, annotations: { note: 'd' } },
  spec: {
    activeDeadlineSeconds: 300,
    serviceAccountName: 'default-sa',
    ttlStrategy: { secondsAfterSuccess: 60 },
    podGC: { strategy: 'OnPodSuccess' },
    arguments: { parameters: [{ name: 'a', value: 'default-a' }, { name: 'b', value: 'default-b' }] },
    hooks: { exit: { template: 'default-exit' }, running: { template: 'default-running' } },
    templates: [{ name: 'default-exit', container: { image: 'alpine' } }],
  },
} as unknown as Workflow;

describe('applyWorkflowDefaults', () => {
  it("puts the defaults under the workflow: its own fields win, keyed lists merge by name (Argo's MergeTo)", () => {
    const wf = {
      apiVersion: 'argoproj.io/v1alpha1', kind: 'Workflow',
      metadata: { name: 'w', labels: { env: 'prod' } },
      spec: {
        entrypoint: 'main', serviceAccountName: 'mine',
        arguments: { parameters: [{ name: 'a', value: 'mine-a' }] },
        hooks: { exit: { template: 'my-exit' } },
        templates: [{ name: 'main', container: { image: 'busybox' } }],
      },
      status: { phase: 'Running' },
    } as unknown as Workflow;
    const merged = applyWorkflowDefaults(wf, defaults);
    expect(merged.metadata).toEqual({ name: 'w', labels: { team: 'platform', env: 'prod' }, annotations: { note: 'd' } });
    expect(merged.spec).toMatchObject({
      entrypoint: 'main', serviceAccountName: 'mine', activeDeadlineSeconds: 300, ttlStrategy: { secondsAfterSuccess: 60 }, podGC: { strategy: 'OnPodSuccess' },
      arguments: { parameters: [{ name: 'a', value: 'mine-a' }, { name: 'b', value: 'default-b' }] },
      hooks: { exit: { template: 'my-exit' }, running: { template: 'default-running' } },
    });
    expect(merged.spec.templates?.map((t) => t.name)).toEqual(['default-exit', 'main']);
    expect(merged.status).toEqual({ phase: 'Running' });
    expect(merged.kind).toBe('Workflow');
  });

  it('leaves the workflow alone without defaults', () => {
    const wf = { metadata: { name: 'w' }, spec: { entrypoint: 'x' } } as Workflow;
    expect(applyWorkflowDefaults(wf, undefined)).toBe(wf);
  });

  it("puts the defaults under a referenced template's spec", () => {
    const spec = templateSpecWithDefaults({ entrypoint: 'main', activeDeadlineSeconds: 10 }, defaults);
    expect(spec).toMatchObject({ entrypoint: 'main', activeDeadlineSeconds: 10, serviceAccountName: 'default-sa' });
  });
});
