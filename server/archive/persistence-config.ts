import { parseControllerConfig } from '@/lib/controller/controller-config';
import { z } from 'zod';
import { type LabelRequirement, fromLabelSelectorObject } from '@/lib/k8s/label-selector';

const secretKey = z.looseObject({ name: z.string().default(''), key: z.string().default('') });

/** `persistence` of Argo's workflow-controller-configmap (`config.PersistConfig`), the parts Capstan reads. */
const persistenceSchema = z.looseObject({
  archive: z.boolean().default(false),
  archiveTTL: z.string().optional(),
  archiveLabelSelector: z.looseObject({
    matchLabels: z.record(z.string(), z.string()).optional(),
    matchExpressions: z.array(z.looseObject({ key: z.string(), operator: z.string(), values: z.array(z.string()).optional() })).optional(),
  }).optional(),
  clusterName: z.string().optional(),
  nodeStatusOffLoad: z.boolean().optional(),
  skipMigration: z.boolean().optional(),
  postgresql: z.looseObject({
    host: z.string().default(''),
    port: z.number().int().optional(),
    database: z.string().default(''),
    tableName: z.string().optional(),
    userNameSecret: secretKey.optional(),
    passwordSecret: secretKey.optional(),
    ssl: z.boolean().optional(),
    sslMode: z.string().optional(),
  }).optional(),
  mysql: z.unknown().optional(),
  connectionPool: z.looseObject({ maxOpenConns: z.number().int().optional() }).optional(),
});

export type PersistenceConfig = z.infer<typeof persistenceSchema>;

/** `persistence` of the controller configuration (`ControllerConfig.persistence`); undefined when there is none. */
export function parsePersistenceConfig(raw: unknown): PersistenceConfig | undefined {
  if (raw === undefined || raw === null) return undefined;
  const parsed = persistenceSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`workflow-controller-configmap persistence.${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/**
 * Reads `persistence` from the ConfigMap's data as Argo does: either a `config` key holding the whole YAML, or one
 * key per top-level setting. Undefined when there is none; an error naming the problem when it does not parse.
 */
export function readPersistenceConfig(data: Record<string, string> | undefined): PersistenceConfig | undefined {
  return parsePersistenceConfig(parseControllerConfig(data).persistence);
}

/** `GetClusterName`: `default` unless set. */
export const clusterNameOf = (config: PersistenceConfig | undefined) => config?.clusterName || 'default';

/** `persistence.archiveLabelSelector` (a metav1.LabelSelector) as requirements; none matches everything. */
export function archiveSelector(config: PersistenceConfig | undefined): LabelRequirement[] {
  return fromLabelSelectorObject(config?.archiveLabelSelector, 'persistence.archiveLabelSelector');
}

const units: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** `archiveTTL` in seconds, as Argo's `config.TTL`: `7d`, or a Go duration such as `12h30m`; 0 when unset. */
export function parseTtlSeconds(text: string | undefined): number {
  if (!text) return 0;
  const days = text.match(/^(\d+)d$/);
  if (days) return Number(days[1]) * 86_400;
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)];
  if (!parts.length || parts.map((p) => p[0]).join('') !== text) throw new Error(`persistence.archiveTTL: invalid duration "${text}"`);
  return parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]!]!, 0);
}
