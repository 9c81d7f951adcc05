import { CoreV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadKubeConfig } from '../cluster/kube-cluster';
import { testBed, uniqueNamespace } from '../testing/test-bed';
import { ConfigMapJobSettings } from './configmap-job-settings';

// Kubernetes mode's views and favourites, in ConfigMaps of the real kube-apiserver.
const namespace = uniqueNamespace('views');
const config = loadKubeConfig(testBed().kubeconfig());
const core = config.makeApiClient(CoreV1Api);
let settings: ConfigMapJobSettings;

beforeAll(async () => {
  await core.createNamespace({ body: { metadata: { name: namespace } } });
  settings = new ConfigMapJobSettings(config, namespace);
});
afterAll(async () => {
  await core.deleteNamespace({ name: namespace }).catch(() => {});
});

const view = (id: string, name: string) => ({ id, name, filter: { folder: 'team-a' }, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' });

it('creates, lists, replaces and deletes views, refusing a second create of one id', async () => {
  expect(await settings.listViews()).toEqual([]);
  await Promise.all([settings.putView(view('b', 'B'), true), settings.putView(view('a', 'A'), true)]);
  expect(await settings.putView(view('a', 'A again'), true)).toBe(false);
  expect((await settings.listViews()).map((v) => v.id)).toEqual(['a', 'b']);
  await settings.putView({ ...view('a', 'A2'), filter: { namespace: 'x' } }, false);
  expect(await settings.getView('a')).toMatchObject({ name: 'A2', filter: { namespace: 'x' } });
  expect(await settings.deleteView('a')).toBe(true);
  expect(await settings.deleteView('a')).toBe(false);
  const stored = await core.readNamespacedConfigMap({ name: 'capstan-views', namespace });
  expect(Object.keys(stored.data ?? {})).toEqual(['b']);
});

it('keeps favourites per user, whatever characters the user name has', async () => {
  const job = { kind: 'workflowtemplates' as const, namespace: 'argo', name: 'build' };
  await settings.setFavourite('system:serviceaccount:argo:ci', job, true);
  await settings.setFavourite('system:serviceaccount:argo:ci', job, true);
  await settings.setFavourite('alice@example.com', { ...job, name: 'deploy' }, true);
  expect(await settings.favourites('system:serviceaccount:argo:ci')).toEqual([job]);
  await settings.setFavourite('system:serviceaccount:argo:ci', job, false);
  expect(await settings.favourites('system:serviceaccount:argo:ci')).toEqual([]);
  expect(await settings.favourites('alice@example.com')).toEqual([{ ...job, name: 'deploy' }]);
});
