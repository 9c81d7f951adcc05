import { describe, expect, it } from 'vitest';
import { ArtifactRepositoryError, type ConfigMapData, repositoryOf, resolveArtifactRepository } from './resolve-repository';

const minio = (bucket: string) => `s3:\n  bucket: ${bucket}\n  endpoint: minio:9000\n  insecure: true\n`;
const lookup = (maps: Record<string, ConfigMapData>) => (namespace: string, name: string) => maps[`${namespace}/${name}`];
const controllerDefault = { s3: { bucket: 'controller', endpoint: 'minio:9000' } };

describe('resolveArtifactRepository', () => {
  it('takes the workflow ref from the workflow namespace, then the controller namespace', () => {
    const configMaps = lookup({
      'argo/my-repos': { data: { fast: minio('controller-ns') } },
      'team/my-repos': { data: { fast: minio('team-ns') } },
    });
    expect(resolveArtifactRepository({ ref: { configMap: 'my-repos', key: 'fast' }, workflowNamespace: 'team', controllerNamespace: 'argo', configMaps }))
      .toEqual({ configMap: 'my-repos', key: 'fast', namespace: 'team', artifactRepository: { s3: { bucket: 'team-ns', endpoint: 'minio:9000', insecure: true } } });
    expect(resolveArtifactRepository({ ref: { configMap: 'my-repos', key: 'fast' }, workflowNamespace: 'other', controllerNamespace: 'argo', configMaps }).namespace)
      .toBe('argo');
  });

  it('uses the annotated default key of the namespace ConfigMap when the workflow names none', () => {
    const configMaps = lookup({
      'team/artifact-repositories': {
        metadata: { annotations: { 'workflows.argoproj.io/default-artifact-repository': 'b' } },
        data: { a: minio('a'), b: minio('b') },
      },
    });
    const resolved = resolveArtifactRepository({ workflowNamespace: 'team', controllerNamespace: 'argo', configMaps, defaultRepository: controllerDefault });
    expect(resolved).toMatchObject({ configMap: 'artifact-repositories', key: 'b', namespace: 'team' });
    expect(resolved.artifactRepository?.s3?.bucket).toBe('b');
    // A ref with a ConfigMap but no key also takes the annotation.
    expect(resolveArtifactRepository({ ref: { configMap: 'artifact-repositories' }, workflowNamespace: 'team', controllerNamespace: 'argo', configMaps }).key).toBe('b');
  });

  it('falls back to the controller configuration, even when none is configured', () => {
    const configMaps = lookup({ 'team/artifact-repositories': { data: { a: minio('a') } } });
    expect(resolveArtifactRepository({ workflowNamespace: 'team', controllerNamespace: 'argo', configMaps, defaultRepository: controllerDefault }))
      .toEqual({ default: true, artifactRepository: controllerDefault });
    expect(resolveArtifactRepository({ workflowNamespace: 'team', controllerNamespace: 'argo', configMaps: lookup({}) })).toEqual({ default: true });
  });

  it('fails when an explicit ref is found nowhere, and on a value that is not a repository', () => {
    expect(() => resolveArtifactRepository({ ref: { configMap: 'nope', key: 'x' }, workflowNamespace: 'team', controllerNamespace: 'argo', configMaps: lookup({}) }))
      .toThrow('failed to find any artifact repository for artifact repository ref "nope#x"');
    const configMaps = lookup({ 'team/repos': { data: { bad: '- a list' } } });
    expect(() => resolveArtifactRepository({ ref: { configMap: 'repos', key: 'bad' }, workflowNamespace: 'team', controllerNamespace: 'argo', configMaps }))
      .toThrow(ArtifactRepositoryError);
  });

  it('reads the repository back from the recorded ref', () => {
    expect(repositoryOf({ default: true }, controllerDefault)).toBe(controllerDefault);
    expect(repositoryOf({ namespace: 'a', artifactRepository: { s3: { bucket: 'x' } } }, controllerDefault)).toEqual({ s3: { bucket: 'x' } });
    expect(repositoryOf(undefined, controllerDefault)).toBeUndefined();
  });
});
