import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DirectoryConfigSource } from '../artifacts/config-source';
import { ConfigStore } from './config-store';

let dir: string;
let store: ConfigStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'config-store-'));
  store = new ConfigStore(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('ConfigStore', () => {
  it('creates a ConfigMap that workflows then read, in a file of its own', async () => {
    const saved = await store.put('ConfigMap', 'argo', 'settings', { greeting: 'hello' });
    expect(saved).toEqual({ kind: 'ConfigMap', name: 'settings', namespace: 'argo', data: { greeting: 'hello' }, file: 'configmap-argo-settings.yaml' });
    expect((await new DirectoryConfigSource(dir).configMap('argo', 'settings'))?.data).toEqual({ greeting: 'hello' });
    expect(await store.list('ConfigMap', 'argo')).toHaveLength(1);
    expect(await store.list('ConfigMap', 'other')).toHaveLength(0);
  });

  it('never returns a Secret value, keeps the ones sent as null, and writes the file for its owner only', async () => {
    const created = await store.put('Secret', 'argo', 's3', { accessKey: 'AK', secretKey: 'SK' });
    expect(created.data).toEqual({ accessKey: '', secretKey: '' });
    expect(JSON.stringify(created)).not.toContain('SK');
    await store.put('Secret', 'argo', 's3', { accessKey: 'AK2', secretKey: null });
    expect(await new DirectoryConfigSource(dir).secret('argo', 's3')).toEqual({ accessKey: 'AK2', secretKey: 'SK' });
    expect(JSON.stringify(await store.list('Secret', 'argo'))).not.toMatch(/AK2|SK/);
    expect(statSync(join(dir, created.file)).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, created.file), 'utf8')).not.toContain('SK');
  });

  it('edits an object where it was written by hand, leaving the other documents of the file alone', async () => {
    writeFileSync(join(dir, 'hand.yaml'), [
      'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: a}', 'data: {x: "1"}',
      '---', '# written by hand', 'apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: b, namespace: argo}', 'data: {y: "2"}', '',
    ].join('\n'));
    const edited = await store.put('ConfigMap', 'argo', 'a', { x: '10' });
    expect(edited).toMatchObject({ file: 'hand.yaml', data: { x: '10' } });
    expect(edited.namespace).toBeUndefined();
    expect((await store.get('ConfigMap', 'argo', 'b')).data).toEqual({ y: '2' });
    expect(readFileSync(join(dir, 'hand.yaml'), 'utf8')).toContain('# written by hand');
    await store.delete('ConfigMap', 'argo', 'b');
    expect((await store.list('ConfigMap', 'argo')).map((c) => c.name)).toEqual(['a']);
    await store.delete('ConfigMap', 'argo', 'a');
    expect(() => statSync(join(dir, 'hand.yaml'))).toThrow();
  });

  it('answers a missing object with NotFound and a bad name with InvalidArgument', async () => {
    await expect(store.get('Secret', 'argo', 'nope')).rejects.toMatchObject({ code: 5 });
    await expect(store.put('ConfigMap', 'argo', 'Bad_Name', {})).rejects.toMatchObject({ code: 3 });
    await expect(store.put('Secret', 'argo', 'new', { token: null })).rejects.toThrow(/no saved value/);
  });
});
