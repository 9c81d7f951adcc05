/* global console, process -- a Node script, also imported by server/config.ts */
// Sizes Capstan's V8 heap to the memory it is given. Started without a limit (`npm start`, the tests, the benchmarks),
// Node sizes the heap to the whole machine (a 4 GiB old generation here), and V8 then lets the heap grow fourfold
// between collections and keeps 16 MiB semi-spaces: the same API server held 280 MiB of RSS where it holds 170 MiB
// with a 1 GiB old generation and 2 MiB semi-spaces (docs/benchmarks.md, "Memory"). A smaller maximum heap makes V8
// grow it by 1.3-1.6x instead. Half the limit goes to the old generation (Node takes a quarter inside a container;
// half leaves big workflows more room and still fits: the rest of the process is about 100 MiB).
// scripts/start.sh runs this first and starts Node with the flags it prints, in the image as from a checkout.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const MiB = 1024 * 1024;
/** deploy/base/deployment.yaml's memory limit: without a limit of its own Capstan behaves as in that pod. */
export const defaultMemoryLimit = 1024 * MiB;

const units = { '': 1, k: 1e3, m: 1e6, g: 1e9, t: 1e12, ki: 1024, mi: MiB, gi: 1024 * MiB, ti: 1024 * 1024 * MiB };

/** A Kubernetes memory quantity (`1Gi`, `512Mi`, `2G`, bytes) in bytes; throws a one-line message for anything else. */
export function parseMemoryQuantity(text) {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]i?)?\s*$/i.exec(text);
  const bytes = match ? Number(match[1]) * units[(match[2] ?? '').toLowerCase()] : NaN;
  if (!Number.isFinite(bytes) || bytes < 256 * MiB) {
    throw new Error(`CAPSTAN_MEMORY_LIMIT: "${text}" is not a memory size of at least 256Mi (e.g. 1Gi, 2048Mi)`);
  }
  return Math.floor(bytes);
}

/** The container's memory limit (cgroup v2, then v1) in bytes; undefined outside a container or when unlimited. */
export function containerMemoryLimit(read = (path) => readFileSync(path, 'utf8')) {
  for (const path of ['/sys/fs/cgroup/memory.max', '/sys/fs/cgroup/memory/memory.limit_in_bytes']) {
    let text;
    try {
      text = read(path).trim();
    } catch {
      continue;
    }
    const bytes = Number(text);
    // cgroup v1 writes "no limit" as a huge page-aligned number.
    if (Number.isFinite(bytes) && bytes > 0 && bytes < 2 ** 60) return bytes;
  }
  return undefined;
}

/** `--memory-limit X` / `--memory-limit=X` from Capstan's own flags, if given. */
function memoryLimitFlag(argv) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--memory-limit') return argv[i + 1];
    if (argv[i]?.startsWith('--memory-limit=')) return argv[i].slice('--memory-limit='.length);
  }
  return undefined;
}

/**
 * The memory Capstan sizes itself to (the flag, then CAPSTAN_MEMORY_LIMIT, then the container's limit, then 1 GiB) and
 * the Node flags for it. A heap size the user set in NODE_OPTIONS is theirs: that flag is left out.
 */
export function memorySettings(argv, env, containerLimit) {
  const given = memoryLimitFlag(argv) ?? (env.CAPSTAN_MEMORY_LIMIT || undefined);
  const limit = given !== undefined ? parseMemoryQuantity(given) : (containerLimit ?? defaultMemoryLimit);
  const source = given !== undefined ? 'given' : containerLimit !== undefined ? 'container' : 'default';
  const oldSpace = Math.floor(limit / 2 / MiB);
  const semiSpace = Math.min(16, Math.max(1, Math.floor(oldSpace / 256)));
  const nodeOptions = env.NODE_OPTIONS ?? '';
  const flags = [];
  if (!nodeOptions.includes('--max-old-space-size')) flags.push(`--max-old-space-size=${oldSpace}`);
  if (!nodeOptions.includes('--max-semi-space-size')) flags.push(`--max-semi-space-size=${semiSpace}`);
  return { limit, source, flags };
}

// As a script (scripts/start.sh): prints the flags on one line, or the reason it cannot on stderr (exit 2).
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(memorySettings(process.argv.slice(2), process.env, containerMemoryLimit()).flags.join(' '));
  } catch (error) {
    console.error(`capstan: ${error.message}`);
    process.exit(2);
  }
}
