import { z } from 'zod';
import { invalidArgument } from '@/lib/api-error';
import type { KubeObject } from '@/lib/k8s/object';
import { readJson } from './respond';

function fail(error: z.ZodError): never {
  const issue = error.issues[0];
  throw invalidArgument(`${issue?.path.join('.') || 'body'}: ${issue?.message}`);
}

/** Parses a query string against a schema of its parameters (`listOptions.labelSelector` and friends). */
export function parseQuery<S extends z.ZodType>(url: URL, schema: S): z.infer<S> {
  const parsed = schema.safeParse(Object.fromEntries(url.searchParams));
  return parsed.success ? parsed.data : fail(parsed.error);
}

/** Reads and parses a JSON request body against a schema. */
export async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await readJson(request));
  return parsed.success ? parsed.data : fail(parsed.error);
}

/** A Kubernetes object in a request body: any fields, with `metadata` an object (filled in when absent). */
export const kubeObject = z
  .looseObject({ metadata: z.looseObject({}).optional() })
  .transform((o) => ({ ...o, metadata: o.metadata ?? {} }) as KubeObject);

/** Query booleans as grpc-gateway reads them. */
export const queryBoolean = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
