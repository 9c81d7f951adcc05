import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

const home = '/home/u';

describe('parseConfig', () => {
  it('defaults to embedded mode on port 2746 over plain HTTP with server auth', () => {
    const config = parseConfig([], {}, home);
    expect(config).toMatchObject({
      port: 2746, mode: 'embedded', dataDir: '/home/u/.capstan', baseHref: '/', secure: false, authModes: ['server'], namespace: 'argo',
    });
  });

  it('defaults kubernetes mode to TLS and client auth like argo-server', () => {
    const config = parseConfig([], { CAPSTAN_MODE: 'kubernetes' }, home);
    expect(config.secure).toBe(true);
    expect(config.authModes).toEqual(['client']);
  });

  it('lets flags override environment variables', () => {
    const config = parseConfig(['--port', '8080', '--base-href=argo', '--secure=false'], { PORT: '9000', CAPSTAN_SECURE: 'true' }, home);
    expect(config.port).toBe(8080);
    expect(config.baseHref).toBe('/argo/');
    expect(config.secure).toBe(false);
  });

  it('normalises BASE_HREF to a path with leading and trailing slashes', () => {
    expect(parseConfig([], { BASE_HREF: '/a/b' }, home).baseHref).toBe('/a/b/');
    expect(parseConfig([], { BASE_HREF: '' }, home).baseHref).toBe('/');
  });

  it('refuses a BASE_HREF that would hide Capstan\'s own paths', () => {
    expect(() => parseConfig([], { BASE_HREF: '/api/' }, home)).toThrow(/cannot start with \/api\//);
    expect(() => parseConfig([], { BASE_HREF: '_next/x' }, home)).toThrow(/_next/);
    expect(parseConfig([], { BASE_HREF: '/apis/' }, home).baseHref).toBe('/apis/');
  });

  it('frames: DENY by default, none when emptied, frame-ancestors when given', () => {
    expect(parseConfig([], {}, home)).toMatchObject({ xFrameOptions: 'DENY', frameAncestors: '' });
    expect(parseConfig(['--x-frame-options='], {}, home).xFrameOptions).toBe('');
    expect(parseConfig([], { CAPSTAN_FRAME_ANCESTORS: 'https://portal.example' }, home).frameAncestors).toBe('https://portal.example');
  });

  it('takes the memory limit scripts/start.sh sized the heap to', () => {
    expect(() => parseConfig(['--memory-limit', '2Gi'], {}, home)).not.toThrow();
  });

  it('accepts several auth modes', () => {
    expect(parseConfig([], { CAPSTAN_AUTH_MODE: 'client, sso' }, home).authModes).toEqual(['client', 'sso']);
    expect(parseConfig([], { CAPSTAN_AUTH_MODE: 'hybrid' }, home).authModes).toEqual(['client', 'server']);
  });

  it.each([
    [['--port', 'x'], {}, /PORT: "x" is not a port number/],
    [['--frobnicate'], {}, /unknown flag --frobnicate/],
    [[], { CAPSTAN_MODE: 'cloud' }, /expected embedded or kubernetes/],
    [[], { CAPSTAN_AUTH_MODE: 'magic' }, /unknown mode "magic"/],
    [[], { CAPSTAN_SECURE: 'maybe' }, /expected true or false/],
    [['--port'], {}, /--port needs a value/],
    [[], { CAPSTAN_SANDBOX: 'docker' }, /expected bwrap, none or auto/],
    [['--workflow-workers', '0'], {}, /not a positive whole number/],
    [['--memory-limit', '1GB'], {}, /CAPSTAN_MEMORY_LIMIT: "1GB" is not a memory size/],
    [[], { CAPSTAN_POD_START_WINDOW: '-1' }, /CAPSTAN_POD_START_WINDOW: "-1" is not a whole number/],
  ])('rejects bad input %j %j with a clear message', (argv, env, message) => {
    expect(() => parseConfig(argv, env, home)).toThrow(ConfigError);
    expect(() => parseConfig(argv, env, home)).toThrow(message);
  });
});
