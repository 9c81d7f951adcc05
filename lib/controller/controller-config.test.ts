import { describe, expect, it } from 'vitest';
import { ControllerConfigError, executorSettingsOf, parseControllerConfig } from './controller-config';

describe('parseControllerConfig', () => {
  it("gives Argo's defaults for a missing or empty ConfigMap", () => {
    const config = parseControllerConfig(undefined);
    expect(config).toMatchObject({ parallelism: 0, namespaceParallelism: 0, podGCDeleteDelaySeconds: 5, instanceID: '', images: {} });
    expect(parseControllerConfig({ config: '' }).parallelism).toBe(0);
  });

  it('reads one key per setting and the whole YAML under `config` alike', () => {
    const perKey = parseControllerConfig({
      parallelism: '3',
      namespaceParallelism: '2',
      instanceID: 'blue',
      podGCGracePeriodSeconds: '10',
      podGCDeleteDelayDuration: '30s',
      executor: 'imagePullPolicy: Always\nresources:\n  requests:\n    cpu: 10m\n',
      workflowDefaults: 'spec:\n  activeDeadlineSeconds: 60\n',
      artifactRepository: 's3:\n  bucket: b\n  endpoint: minio:9000\n',
    });
    const whole = parseControllerConfig({
      config: [
        'parallelism: 3', 'namespaceParallelism: 2', 'instanceID: blue', 'podGCGracePeriodSeconds: 10', 'podGCDeleteDelayDuration: 30s',
        'executor:', '  imagePullPolicy: Always', '  resources:', '    requests:', '      cpu: 10m',
        'workflowDefaults:', '  spec:', '    activeDeadlineSeconds: 60',
        'artifactRepository:', '  s3:', '    bucket: b', '    endpoint: minio:9000',
      ].join('\n'),
    });
    expect(whole).toEqual(perKey);
    expect(perKey).toMatchObject({
      parallelism: 3, namespaceParallelism: 2, instanceID: 'blue', podGCGracePeriodSeconds: 10, podGCDeleteDelaySeconds: 30,
      workflowDefaults: { spec: { activeDeadlineSeconds: 60 } }, artifactRepository: { s3: { bucket: 'b', endpoint: 'minio:9000' } },
    });
  });

  it('refuses what Argo refuses, naming the setting', () => {
    expect(() => parseControllerConfig({ config: 'parallelism: 1', other: 'x' })).toThrow(/only have one item/);
    expect(() => parseControllerConfig({ paralelism: '2' })).toThrow(ControllerConfigError);
    expect(() => parseControllerConfig({ paralelism: '2' })).toThrow('unknown setting "paralelism"');
    expect(() => parseControllerConfig({ parallelism: 'many' })).toThrow('parallelism: expected an integer, got "many"');
    expect(() => parseControllerConfig({ podGCDeleteDelayDuration: 'soon' })).toThrow('podGCDeleteDelayDuration: invalid duration "soon"');
    expect(() => parseControllerConfig({ config: 'parallelism: [1' })).toThrow(/config: not valid YAML/);
  });

  it('reads nodeEvents and workflowEvents, both on unless disabled (Argo: a nil enabled is on)', () => {
    expect(parseControllerConfig(undefined)).toMatchObject({ nodeEvents: { enabled: true, sendAsPod: false }, workflowEvents: { enabled: true } });
    expect(parseControllerConfig({ nodeEvents: 'sendAsPod: true' }).nodeEvents).toEqual({ enabled: true, sendAsPod: true });
    expect(parseControllerConfig({ config: 'nodeEvents: {enabled: false}\nworkflowEvents: {enabled: false}' })).toMatchObject({
      nodeEvents: { enabled: false }, workflowEvents: { enabled: false },
    });
    expect(() => parseControllerConfig({ nodeEvents: 'enabled: "no"' })).toThrow('nodeEvents.enabled: expected true or false, got "no"');
  });

  it('accepts settings Capstan does not act on, such as metricsConfig and sso', () => {
    expect(parseControllerConfig({ metricsConfig: 'enabled: true', sso: 'issuer: https://x' }).raw).toMatchObject({ metricsConfig: { enabled: true } });
  });
});

describe('executorSettingsOf', () => {
  it('lets the --executor-image flag win over executor.image, then the default', () => {
    const config = parseControllerConfig({ executor: 'image: my/argoexec:v1\nimagePullPolicy: Never\nargs: [--x]\n', instanceID: 'i' });
    expect(executorSettingsOf(config)).toMatchObject({ image: 'my/argoexec:v1', imagePullPolicy: 'Never', container: { args: ['--x'] }, instanceID: 'i' });
    expect(executorSettingsOf(config, 'flag/argoexec:v2').image).toBe('flag/argoexec:v2');
    expect(executorSettingsOf(parseControllerConfig(undefined)).image).toBe('quay.io/argoproj/argoexec:v3.7.9');
  });
});
