// Types of scripts/node-memory.mjs (a plain Node script, so scripts/start.sh can run it before anything is built).
export declare const defaultMemoryLimit: number;
export declare function parseMemoryQuantity(text: string): number;
export declare function containerMemoryLimit(read?: (path: string) => string): number | undefined;
export declare function memorySettings(
  argv: string[],
  env: Record<string, string | undefined>,
  containerLimit: number | undefined,
): { limit: number; source: 'given' | 'container' | 'default'; flags: string[] };
