import { describe, expect, it } from 'vitest';
import { toBwrapArgs, toHostView, toSandboxView, type BwrapLayout } from './bwrap-args';

const layout: BwrapLayout = {
  rootDir: '/data/steps/u/n/fs',
  hostPaths: [{ path: '/usr' }, { path: '/bin', symlinkTo: 'usr/bin' }, { path: '/etc' }],
  cwd: '/work',
  hostname: 'hello-1234',
  network: true,
};

describe('toBwrapArgs', () => {
  it('binds the step root as / and shares the host userland over it, read-only', () => {
    const args = toBwrapArgs(layout);
    expect(args.slice(0, 3)).toEqual(['--bind', '/data/steps/u/n/fs', '/']);
    expect(args.join(' ')).toContain('--ro-bind /usr /usr --symlink usr/bin /bin --ro-bind /etc /etc');
    expect(args.join(' ')).toContain('--chdir /work');
    expect(args).toContain('--die-with-parent');
    expect(args.at(-1)).toBe('--');
  });

  it('keeps the network unless told not to', () => {
    expect(toBwrapArgs(layout)).not.toContain('--unshare-net');
    expect(toBwrapArgs({ ...layout, network: false })).toContain('--unshare-net');
  });
});

describe('toSandboxView', () => {
  const view = toSandboxView(layout);

  it('puts private paths under the step root', () => {
    expect(view.toHost('/tmp/hello_world.txt')).toBe('/data/steps/u/n/fs/tmp/hello_world.txt');
    expect(view.toHost('out/x')).toBe('/data/steps/u/n/fs/work/out/x');
  });

  it('maps shared paths to the host, following shared symlinks', () => {
    expect(view.toHost('/usr/bin/python3')).toBe('/usr/bin/python3');
    expect(view.toHost('/bin/sh')).toBe('/usr/bin/sh');
    expect(view.toHost('/usrx/a')).toBe('/data/steps/u/n/fs/usrx/a');
  });
});

describe('toHostView', () => {
  it('resolves relative paths against the working directory and leaves absolute ones alone', () => {
    const view = toHostView('/data/fs/work');
    expect(view.toHost('a.txt')).toBe('/data/fs/work/a.txt');
    expect(view.toHost('/tmp/a.txt')).toBe('/tmp/a.txt');
  });
});
