import { ApiError, GrpcCode } from '../api-error';

/** The two kinds of configuration object embedded mode keeps (as Kubernetes does) for workflows to use. */
export type ConfigKind = 'ConfigMap' | 'Secret';

/** What the API shows of a ConfigMap or Secret. A Secret's values are never shown: only its keys. */
export interface ConfigObjectView {
  kind: ConfigKind;
  name: string;
  /** Undefined for a manifest without a namespace, which applies to every namespace. */
  namespace?: string;
  /** ConfigMap: the data. Secret: each key with an empty string. */
  data: Record<string, string>;
  /** The keys of a Secret (its values stay on the server). */
  keys?: string[];
  /** The manifest file it lives in, relative to the config folder. */
  file: string;
}

const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const dataKey = /^[-._a-zA-Z0-9]+$/;

/** Checks a name and keys as Kubernetes does (DNS subdomain names, keys of `[-._a-zA-Z0-9]`), with a clear message. */
export function validateConfigObject(kind: ConfigKind, name: string, keys: string[]): void {
  if (!name || name.length > 253 || !dnsSubdomain.test(name)) {
    throw new ApiError(GrpcCode.InvalidArgument, `${kind} name "${name}": use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit (at most 253)`);
  }
  for (const key of keys) {
    if (!key || key.length > 253 || !dataKey.test(key)) {
      throw new ApiError(GrpcCode.InvalidArgument, `${kind} ${name}: key "${key}" may contain only letters, digits, '-', '_' and '.'`);
    }
  }
}

/**
 * A Secret's values after an edit: a key given a string gets that value, a key given `null` keeps the value it had
 * (the dashboard never has it to send back), a key left out is removed. A `null` for a key that had no value is
 * an error, so a typo cannot silently save an empty credential.
 */
export function mergeSecretValues(existing: Record<string, string>, update: Record<string, string | null>, name: string): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries(update)) {
    if (value !== null) merged[key] = value;
    else if (key in existing) merged[key] = existing[key]!;
    else throw new ApiError(GrpcCode.InvalidArgument, `Secret ${name}: key "${key}" has no saved value to keep; give it a value`);
  }
  return merged;
}

/** A Secret as the API shows it: the keys, with every value blanked. */
export function maskSecret(values: Record<string, string>): { data: Record<string, string>; keys: string[] } {
  const keys = Object.keys(values).sort();
  return { data: Object.fromEntries(keys.map((k) => [k, ''])), keys };
}
