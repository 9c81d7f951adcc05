import { describe, expect, it } from 'vitest';
import { archiveFileName, archiveKindOf, outputKey, relocate, toSavedArtifact } from './artifact-key';
import { hasLocation, toArchiveLocation, withArchiveLocation } from './artifact-location';

const repository = { s3: { bucket: 'my-bucket', endpoint: 'minio:9000', insecure: true, accessKeySecret: { name: 'minio', key: 'accesskey' } } };

describe('archive locations', () => {
  it('builds the archive location with Argo key formats', () => {
    expect(toArchiveLocation(repository)?.s3?.key).toBe('{{workflow.name}}/{{pod.name}}');
    expect(toArchiveLocation({ s3: { bucket: 'b', keyPrefix: 'runs/' } })?.s3?.key).toBe('runs/{{workflow.name}}/{{pod.name}}');
    expect(toArchiveLocation({ s3: { bucket: 'b', keyFormat: 'x/{{workflow.uid}}' } })?.s3?.key).toBe('x/{{workflow.uid}}');
    expect(toArchiveLocation({ gcs: { bucket: 'b' } })?.gcs?.key).toBe('{{workflow.name}}/{{pod.name}}');
    expect(toArchiveLocation({ artifactory: { repoURL: 'https://a/r' } })?.artifactory?.url).toBe('https://a/r/{{workflow.name}}/{{pod.name}}');
  });

  it('adds one to templates whose artifacts have no location, or that archive logs', () => {
    const template = { name: 't', outputs: { artifacts: [{ name: 'out', path: '/tmp/out' }] } };
    expect(withArchiveLocation(template, repository, {}).archiveLocation).toMatchObject({ archiveLogs: false, s3: { bucket: 'my-bucket' } });
    expect(withArchiveLocation({ name: 'plain' }, repository, {}).archiveLocation).toBeUndefined();
    expect(withArchiveLocation({ name: 'plain' }, repository, { archiveLogs: true }).archiveLocation?.archiveLogs).toBe(true);
    expect(withArchiveLocation({ name: 'plain' }, { ...repository, archiveLogs: true }, { archiveLogs: false }).archiveLocation?.archiveLogs).toBe(true);
    const http = { name: 'h', inputs: { artifacts: [{ name: 'in', path: '/x', http: { url: 'https://e/x' } }] } };
    expect(withArchiveLocation(http, repository, {}).archiveLocation).toBeUndefined();
  });

  it('knows full locations from key-only ones', () => {
    expect(hasLocation({ name: 'a', s3: { key: 'k' } } as never)).toBe(false);
    expect(hasLocation({ name: 'a', s3: { key: 'k', bucket: 'b', endpoint: 'e' } } as never)).toBe(true);
    expect(hasLocation({ name: 'a', raw: { data: '' } })).toBe(true);
  });
});

describe('output keys', () => {
  it('names archives as Argo does', () => {
    expect(archiveFileName({ name: 'out', path: '/tmp/out' })).toBe('out.tgz');
    expect(archiveFileName({ name: 'out', path: '/tmp/report.html', archive: { none: {} } })).toBe('report.html');
    expect(archiveFileName({ name: 'out', path: '/tmp/dir/', archive: { zip: {} } })).toBe('out.zip');
    expect(archiveKindOf({ archive: { tar: { compressionLevel: 0 } } })).toEqual({ kind: 'tgz', level: 0 });
    expect(archiveKindOf({})).toEqual({ kind: 'tgz', level: 6 });
  });

  it('records outputs key-only and relocates them into the repository to read them', () => {
    const location = { archiveLogs: false, s3: { ...repository.s3, key: 'wf/wf-main-123' } };
    expect(outputKey({ name: 'out', path: '/tmp/out' }, location)).toBe('wf/wf-main-123/out.tgz');
    const saved = toSavedArtifact({ name: 'out', path: '/tmp/out' }, location);
    expect(saved).toEqual({ name: 'out', path: '/tmp/out', s3: { key: 'wf/wf-main-123/out.tgz' } });
    expect(relocate(saved, location)).toEqual({ name: 'out', path: '/tmp/out', s3: { ...repository.s3, key: 'wf/wf-main-123/out.tgz' } });
    // An output with its own key keeps it.
    expect(toSavedArtifact({ name: 'o', path: '/o', s3: { key: 'fixed/o.txt' } }, location).s3?.key).toBe('fixed/o.txt');
  });
});
