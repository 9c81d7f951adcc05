import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBed } from '../server/testing/test-bed';

const run = promisify(execFile);
const deploy = fileURLToPath(new URL('.', import.meta.url));

// The manifests in deploy/ are validated by the test bed's real kube-apiserver (server-side dry run: schema, RBAC
// rules, CRDs, admission), as `kubectl apply -k` would apply them. Istio is not on the bed, so the VirtualService is
// checked for its shape and the rest of the Istio overlay goes through the dry run.
const kubectl = () => process.env.CAPSTAN_TEST_KUBECTL ?? (() => { throw new Error('CAPSTAN_TEST_KUBECTL is not set: start the test bed'); })();

async function render(dir: string): Promise<{ kind: string; metadata: { name: string; namespace?: string }; spec?: unknown }[]> {
  const { stdout } = await run(kubectl(), ['kustomize', dir], { maxBuffer: 64 << 20 });
  return parseAllDocuments(stdout).map((d) => d.toJSON());
}

async function dryRun(objects: object[]): Promise<string> {
  const file = join(work, `objects-${Date.now()}.json`);
  writeFileSync(file, JSON.stringify({ apiVersion: 'v1', kind: 'List', items: objects }));
  const { stdout } = await run(kubectl(), ['apply', '--server-side', '--force-conflicts', '--dry-run=server', '-f', file], {
    env: { ...process.env, KUBECONFIG: testBed().kubeconfig() }, maxBuffer: 64 << 20,
  });
  return stdout;
}

let work: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'capstan-deploy-'));
  // A dry run cannot create the namespace the other objects go into: make sure it exists.
  await run(kubectl(), ['create', 'namespace', 'argo'], { env: { ...process.env, KUBECONFIG: testBed().kubeconfig() } }).catch(() => undefined);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('deploy/ manifests against the real kube-apiserver', () => {
  it('the cluster install (kubectl apply -k deploy/) is accepted', async () => {
    const objects = await render(deploy);
    const kinds = objects.map((o) => o.kind);
    expect(kinds.filter((k) => k === 'CustomResourceDefinition')).toHaveLength(8);
    expect(kinds).toEqual(expect.arrayContaining(['Namespace', 'ServiceAccount', 'Deployment', 'Service', 'ConfigMap', 'Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding']));
    const out = await dryRun(objects);
    expect(out).toContain('deployment.apps/capstan serverside-applied (server dry run)');
    expect(out).toContain('clusterrole.rbac.authorization.k8s.io/capstan-cluster serverside-applied (server dry run)');

    const deployment = objects.find((o) => o.kind === 'Deployment') as unknown as {
      spec: { template: { spec: { securityContext: Record<string, unknown>; containers: { securityContext: Record<string, unknown>; readinessProbe: unknown; livenessProbe: unknown }[] } } };
    };
    const pod = deployment.spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
    expect(pod.containers[0]?.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
    expect(pod.containers[0]?.readinessProbe).toMatchObject({ httpGet: { path: '/readyz' } });
    expect(pod.containers[0]?.livenessProbe).toMatchObject({ httpGet: { path: '/healthz' } });
  });

  it('the namespaced install has nothing cluster-scoped and is accepted', async () => {
    const objects = await render(join(deploy, 'namespaced'));
    expect(objects.map((o) => o.kind)).not.toEqual(expect.arrayContaining(['ClusterRole']));
    expect(objects.every((o) => !['ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'Namespace'].includes(o.kind))).toBe(true);
    const out = await dryRun(objects);
    expect(out).toContain('role.rbac.authorization.k8s.io/capstan-controller serverside-applied (server dry run)');
  });

  it('the Istio overlay routes /argo/ rewritten to /, and the rest is accepted', async () => {
    const objects = await render(join(deploy, 'istio'));
    const virtualService = objects.find((o) => o.kind === 'VirtualService') as unknown as { spec: { http: { match: { uri: { prefix: string } }[]; rewrite: { uri: string }; route: { destination: { host: string; port: { number: number } } }[] }[] } };
    expect(virtualService.spec.http[0]).toMatchObject({
      match: [{ uri: { prefix: '/argo/' } }],
      rewrite: { uri: '/' },
      route: [{ destination: { host: 'capstan.argo.svc.cluster.local', port: { number: 2746 } } }],
    });
    const deployment = JSON.stringify(objects.find((o) => o.kind === 'Deployment'));
    for (const env of ['{"name":"BASE_HREF","value":"/argo/"}', '{"name":"CAPSTAN_SECURE","value":"false"}', '{"name":"CAPSTAN_X_FRAME_OPTIONS","value":""}']) {
      expect(deployment).toContain(env);
    }
    await dryRun(objects.filter((o) => o.kind !== 'VirtualService'));
  });

  it('the server auth components switch the mode and add their roles', async () => {
    for (const [base, component, kind] of [['..', 'components/server-auth', 'ClusterRole'], ['../namespaced', 'components/server-auth-namespaced', 'Role']] as const) {
      const dir = mkdtempSync(join(deploy, '.test-overlay-'));
      try {
        writeFileSync(join(dir, 'kustomization.yaml'), `resources: [${base === '..' ? '../crds, ../cluster, ../base' : base}]\ncomponents: [../${component}]\n`);
        const objects = await render(dir);
        expect(JSON.stringify(objects.find((o) => o.kind === 'Deployment'))).toContain('{"name":"CAPSTAN_AUTH_MODE","value":"server"}');
        expect(objects.some((o) => o.kind === kind && o.metadata.name === 'capstan-server')).toBe(true);
        await dryRun(objects);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
