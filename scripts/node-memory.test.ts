import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { containerMemoryLimit, memorySettings, parseMemoryQuantity } from './node-memory.mjs';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

describe('parseMemoryQuantity', () => {
  it('reads Kubernetes quantities and plain bytes', () => {
    expect(parseMemoryQuantity('1Gi')).toBe(GiB);
    expect(parseMemoryQuantity('512Mi')).toBe(512 * MiB);
    expect(parseMemoryQuantity('2G')).toBe(2e9);
    expect(parseMemoryQuantity(' 1.5Gi ')).toBe(1.5 * GiB);
    expect(parseMemoryQuantity(String(GiB))).toBe(GiB);
  });

  it('refuses what is not a size, or too little to run in', () => {
    for (const text of ['', 'lots', '1Gb', '-1Gi', '100Mi', '0x10']) {
      expect(() => parseMemoryQuantity(text), text).toThrow(/CAPSTAN_MEMORY_LIMIT: ".*" is not a memory size of at least 256Mi/);
    }
  });
});

describe('containerMemoryLimit', () => {
  const files = (contents: Record<string, string>) => (path: string) => {
    const text = contents[path];
    if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return text;
  };

  it('reads cgroup v2, then v1', () => {
    expect(containerMemoryLimit(files({ '/sys/fs/cgroup/memory.max': '1073741824\n' }))).toBe(GiB);
    expect(containerMemoryLimit(files({ '/sys/fs/cgroup/memory/memory.limit_in_bytes': '536870912\n' }))).toBe(512 * MiB);
  });

  it('has none outside a container or when the cgroup is unlimited', () => {
    expect(containerMemoryLimit(files({}))).toBeUndefined();
    expect(containerMemoryLimit(files({ '/sys/fs/cgroup/memory.max': 'max\n' }))).toBeUndefined();
    expect(containerMemoryLimit(files({ '/sys/fs/cgroup/memory/memory.limit_in_bytes': '9223372036854771712' }))).toBeUndefined();
  });
});

describe('memorySettings', () => {
  it('sizes the heap to 1 GiB, the deployment\'s limit, when nothing says otherwise', () => {
    expect(memorySettings([], {}, undefined)).toEqual({ limit: GiB, source: 'default', flags: ['--max-old-space-size=512', '--max-semi-space-size=2'] });
  });

  it("follows the container's limit", () => {
    expect(memorySettings([], {}, 4 * GiB)).toEqual({ limit: 4 * GiB, source: 'container', flags: ['--max-old-space-size=2048', '--max-semi-space-size=8'] });
  });

  it('takes the flag over the environment over the container', () => {
    const env = { CAPSTAN_MEMORY_LIMIT: '2Gi' };
    expect(memorySettings([], env, GiB).flags).toEqual(['--max-old-space-size=1024', '--max-semi-space-size=4']);
    expect(memorySettings(['--port', '1', '--memory-limit', '512Mi'], env, GiB).flags).toEqual(['--max-old-space-size=256', '--max-semi-space-size=1']);
    expect(memorySettings(['--memory-limit=8Gi'], env, GiB).flags).toEqual(['--max-old-space-size=4096', '--max-semi-space-size=16']);
  });

  it("leaves a heap size set in NODE_OPTIONS to the user", () => {
    expect(memorySettings([], { NODE_OPTIONS: '--max-old-space-size=4096' }, undefined).flags).toEqual(['--max-semi-space-size=2']);
    expect(memorySettings([], { NODE_OPTIONS: '--max-old-space-size=4096 --max-semi-space-size=16' }, undefined).flags).toEqual([]);
  });

  it('refuses a bad limit', () => {
    expect(() => memorySettings(['--memory-limit', 'big'], {}, undefined)).toThrow(/is not a memory size/);
  });
});

describe('scripts/start.sh', () => {
  const script = fileURLToPath(new URL('./node-memory.mjs', import.meta.url));

  it('gets the flags on one line from the script', () => {
    const env = { ...process.env, CAPSTAN_MEMORY_LIMIT: '2Gi', NODE_OPTIONS: '' };
    expect(execFileSync(process.execPath, [script], { env, encoding: 'utf8' })).toBe('--max-old-space-size=1024 --max-semi-space-size=4\n');
  });

  it('stops the start with one line for a bad limit', () => {
    const start = fileURLToPath(new URL('./start.sh', import.meta.url));
    const result = spawnSync('sh', [start, '--memory-limit', '10'], { env: { ...process.env, CAPSTAN_NODE: process.execPath }, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('capstan: CAPSTAN_MEMORY_LIMIT: "10" is not a memory size of at least 256Mi (e.g. 1Gi, 2048Mi)\n');
  });
});
