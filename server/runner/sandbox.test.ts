import { describe, expect, it } from 'vitest';
import { detectSandbox, parseSandboxMode, SandboxError } from './sandbox';

describe('parseSandboxMode', () => {
  it('defaults to auto and accepts the three modes in any case', () => {
    expect(parseSandboxMode(undefined)).toBe('auto');
    expect(parseSandboxMode(' BWRAP ')).toBe('bwrap');
    expect(parseSandboxMode('none')).toBe('none');
    expect(() => parseSandboxMode('docker')).toThrow(SandboxError);
  });
});

describe('detectSandbox', () => {
  it('runs unsandboxed when told to', async () => {
    expect(await detectSandbox('none')).toEqual({ kind: 'none', reason: 'CAPSTAN_SANDBOX=none' });
  });

  it('falls back in auto mode, and refuses in bwrap mode, when bwrap cannot be found', async () => {
    expect(await detectSandbox('auto', [], '/nonexistent')).toMatchObject({ kind: 'none', reason: expect.stringContaining('not installed') });
    await expect(detectSandbox('bwrap', [], '/nonexistent')).rejects.toThrow(SandboxError);
  });
});
