import { CoreV1Api, type KubeConfig } from '@kubernetes/client-node';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { ClusterPort } from '../cluster/cluster-port';
import type { Logger } from '../logger';
import { Archiver } from './archiver';
import { type PersistenceConfig, archiveSelector, clusterNameOf, parseTtlSeconds } from './persistence-config';
import { type SqlSession, pgPoolSession, pgliteSession } from './sql-session';
import { WorkflowArchive } from './workflow-archive';

/** An open archive and how the controller should use it. */
export interface OpenArchive {
  archive: WorkflowArchive;
  /** Whether completed workflows are written (embedded: always; kubernetes: `persistence.archive`). */
  writes: boolean;
  persistence?: PersistenceConfig;
}

const defaultTable = 'argo_workflows';

async function open(session: SqlSession, persistence: PersistenceConfig | undefined, logger: Logger, where: string): Promise<WorkflowArchive> {
  const settings = { clusterName: clusterNameOf(persistence), instanceId: '', tableName: persistence?.postgresql?.tableName || defaultTable };
  if (persistence?.skipMigration) {
    logger.info({ where }, 'archive: persistence.skipMigration is set, not migrating');
  }
  const started = Date.now();
  const { archive, schemaVersion } = await WorkflowArchive.open(session, settings, { migrate: !persistence?.skipMigration });
  logger.info({ where, schemaVersion, clusterName: settings.clusterName, ms: Date.now() - started }, 'workflow archive open');
  return archive;
}

/** Embedded mode: the archive lives in the embedded PGlite database, with Argo's schema, and is always on. */
export async function openEmbeddedArchive(db: PGlite, logger: Logger): Promise<OpenArchive> {
  return { archive: await open(pgliteSession(db), undefined, logger, 'embedded'), writes: true };
}

/**
 * Kubernetes mode: PostgreSQL from the controller ConfigMap's `persistence` (credentials from the Secrets it names,
 * in the same namespace), as Argo's controller connects; `CAPSTAN_ARCHIVE_URL` (a `postgresql://` URL) overrides
 * the connection. Undefined when neither is configured: the archive is then off, as in Argo.
 */
export async function openKubernetesArchive(
  kubeConfig: KubeConfig,
  namespace: string,
  logger: Logger,
  env: { url?: string; persistence: PersistenceConfig | undefined; where: string },
): Promise<OpenArchive | undefined> {
  const core = kubeConfig.makeApiClient(CoreV1Api);
  const { persistence, where } = env;
  if (!env.url && !persistence) {
    logger.info({ configMap: where }, 'no persistence configured: the workflow archive is off');
    return undefined;
  }
  if (!env.url && !persistence?.postgresql) {
    throw new Error(`${where}: persistence has no postgresql settings (Capstan's archive supports PostgreSQL only; set CAPSTAN_ARCHIVE_URL to override)`);
  }
  const pool = new pg.Pool(env.url ? { connectionString: env.url } : await poolSettings(core, namespace, persistence!));
  pool.on('error', (error) => logger.warn({ err: error }, 'archive database connection lost'));
  const session = pgPoolSession(pool);
  try {
    const archive = await open(session, persistence, logger, env.url ? 'CAPSTAN_ARCHIVE_URL' : where);
    // With only CAPSTAN_ARCHIVE_URL there is no `archive: false` to honour: the URL asks for archiving.
    return { archive, writes: persistence ? persistence.archive : true, persistence };
  } catch (error) {
    await session.close().catch(() => {});
    throw error;
  }
}

async function poolSettings(core: CoreV1Api, namespace: string, persistence: PersistenceConfig): Promise<pg.PoolConfig> {
  const cfg = persistence.postgresql!;
  const secret = async (ref: { name: string; key: string } | undefined, what: string) => {
    if (!ref?.name) return undefined;
    const found = await core.readNamespacedSecret({ name: ref.name, namespace }).catch((error: Error) => {
      throw new Error(`cannot read Secret ${namespace}/${ref.name} for persistence.postgresql.${what}: ${error.message}`);
    });
    const value = found.data?.[ref.key];
    if (value === undefined) throw new Error(`Secret ${namespace}/${ref.name} has no key "${ref.key}" (persistence.postgresql.${what})`);
    return Buffer.from(value, 'base64').toString('utf8');
  };
  const sslMode = cfg.sslMode || 'require';
  return {
    host: cfg.host,
    port: cfg.port || 5432,
    database: cfg.database,
    user: await secret(cfg.userNameSecret, 'userNameSecret'),
    password: await secret(cfg.passwordSecret, 'passwordSecret'),
    // As Argo's driver settings: no TLS unless `ssl`; `verify-*` modes check the server's certificate.
    ssl: cfg.ssl && sslMode !== 'disable' ? { rejectUnauthorized: sslMode.startsWith('verify') } : false,
    max: persistence.connectionPool?.maxOpenConns || 5,
  };
}

/** The archiver for an open archive that writes: selector and TTL from `persistence`; embedded mode also sweeps unlabelled. */
export function createArchiver(open: OpenArchive, cluster: ClusterPort, logger: Logger, embedded: boolean): Archiver {
  return new Archiver(open.archive, cluster, logger, { ...archiverSettingsOf(open.persistence), sweepUnlabelled: embedded });
}

/** The archiver's settings from `persistence`: label selector, TTL, and whether to write (embedded: always). */
export function archiverSettingsOf(persistence: PersistenceConfig | undefined) {
  return {
    selector: archiveSelector(persistence),
    ttlSeconds: parseTtlSeconds(persistence?.archiveTTL),
    enabled: persistence ? persistence.archive : true,
  };
}
