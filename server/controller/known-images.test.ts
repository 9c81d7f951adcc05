import { describe, expect, it } from 'vitest';
import { withKnownImageTools } from './known-images';

const spec = (image: string, command?: string[]) => ({
  id: 'n', workflow: { namespace: 'argo', name: 'wf', uid: 'u' }, templateName: 't', container: { image, command, args: ['echo', 'hi'] },
});

describe('withKnownImageTools', () => {
  it('gives argosay:v2 steps its entrypoint and the tools on PATH', () => {
    const out = withKnownImageTools(spec('argoproj/argosay:v2'));
    expect(out.container.command).toEqual(['/argo/bin/argosay']);
    expect(out.container.env?.[0]).toEqual({ name: 'PATH', value: expect.stringMatching(/^\/argo\/bin:/) });
    expect(out.inputFiles?.map((f) => f.path)).toEqual(['/argo/bin/argosay', '/argo/bin/cowsay']);
  });

  it('keeps an explicit command and leaves other images alone', () => {
    expect(withKnownImageTools(spec('argoproj/argosay:v2', ['sh'])).container.command).toEqual(['sh']);
    expect(withKnownImageTools(spec('docker/whalesay:latest', ['cowsay'])).container.command).toEqual(['cowsay']);
    const busybox = spec('busybox');
    expect(withKnownImageTools(busybox)).toBe(busybox);
  });
});
