import { NodeError } from './operation';

const unitSeconds: Record<string, number> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** Parses Argo's duration strings: a bare number of seconds, or a Go duration such as `1m30s` or `2h`. */
export function parseDurationSeconds(text: string | number): number {
  if (typeof text === 'number') return text;
  const trimmed = text.trim();
  if (/^-?\d+$/.test(trimmed)) return Number(trimmed);
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) {
    throw new NodeError(`invalid duration "${text}": use seconds or a Go duration like 30s, 5m, 1h30m`);
  }
  return parts.reduce((sum, p) => sum + Number(p[1]) * unitSeconds[p[2]!]!, 0);
}

/** Adds seconds to a Kubernetes timestamp. */
export function addSeconds(timestamp: string, seconds: number): Date {
  return new Date(Date.parse(timestamp) + seconds * 1000);
}
